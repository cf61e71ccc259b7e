import type { CatalogModel } from '@apilink/contracts';
import { Badge } from '../../../components/badge';
import { CopyButton } from '../../../components/copy-button';
import { CAPABILITIES, formatContext, formatPricePerMTok } from './filter-models';
import { DataTable } from '../../../components/data-table';

export function ModelsTable({ models }: { models: CatalogModel[] }) {
  return (
    <DataTable
      columns={[
        { label: 'Model' },
        { label: 'Provider' },
        { label: 'Context', numeric: true },
        { label: 'Input / 1M', numeric: true },
        { label: 'Output / 1M', numeric: true },
        { label: 'Capabilities' },
      ]}
      testId="models-table"
    >
      {models.map((model) => (
        <tr key={model.id}>
          <td data-label="Model">
            <div className="model-cell">
              <span className="model-cell__name">{model.name}</span>
              <span className="model-cell__id-row">
                <code className="model-cell__id">{model.id}</code>
                <CopyButton text={model.id} label="Copy" ariaLabel={`Copy model id ${model.id}`} className="copy-chip" />
              </span>
            </div>
          </td>
          <td data-label="Provider">{model.provider}</td>
          <td data-label="Context" className="num" title={`${model.contextWindow.toLocaleString('en-US')} tokens`}>
            {formatContext(model.contextWindow)}
          </td>
          <td data-label="Input / 1M" className="num">
            {formatPricePerMTok(model.pricesPerMTokUsd.input)}
            {model.pricesPerMTokUsd.cachedInput ? (
              <div className="subtle">cached {formatPricePerMTok(model.pricesPerMTokUsd.cachedInput)}</div>
            ) : null}
          </td>
          <td data-label="Output / 1M" className="num">
            {formatPricePerMTok(model.pricesPerMTokUsd.output)}
          </td>
          <td data-label="Capabilities">
            <div className="chips chips--nowrap">
              {CAPABILITIES.filter((capability) => model.capabilities[capability.id]).map((capability) => (
                <Badge key={capability.id} tone="info">
                  {capability.label}
                </Badge>
              ))}
              {CAPABILITIES.every((capability) => !model.capabilities[capability.id]) ? <span className="subtle">Text</span> : null}
            </div>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
