import type { AdminModel } from '@apilink/contracts';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../../components/data-table';
import { formatInteger, formatUsd } from '../../../../lib/format';
import { catalogModelPath } from '../../catalog-model-path';
import { ModelStateBadge } from './model-state-badge';

interface CatalogTableProps {
  models: AdminModel[];
  onToggle: (model: AdminModel) => void;
}

export function CatalogTable({ models, onToggle }: CatalogTableProps) {
  return (
    <DataTable
      columns={[
        { label: 'Model' },
        { label: 'State' },
        { label: 'Input / 1M', numeric: true },
        { label: 'Output / 1M', numeric: true },
        { label: 'Upstreams', numeric: true },
        { label: 'Aliases' },
        { label: 'Actions', hiddenLabel: true },
      ]}
      testId="catalog-table"
    >
      {models.map((model) => (
        <tr key={model.id} data-model-id={model.id}>
          <td data-label="Model">
            <div className="model-cell">
              <Link to={catalogModelPath(model.id)} className="model-cell__name">
                {model.name}
              </Link>
              <code className="model-cell__id">{model.id}</code>
            </div>
          </td>
          <td data-label="State">
            <ModelStateBadge model={model} />
          </td>
          <td data-label="Input / 1M" className="num">
            {model.currentPrice ? formatUsd(model.currentPrice.inputPerMTok.micros) : <span className="subtle">—</span>}
          </td>
          <td data-label="Output / 1M" className="num">
            {model.currentPrice ? formatUsd(model.currentPrice.outputPerMTok.micros) : <span className="subtle">—</span>}
          </td>
          <td data-label="Upstreams" className="num">
            {formatInteger(model.upstreams.length)}
          </td>
          <td data-label="Aliases" className="break">
            {model.aliases.length ? model.aliases.join(', ') : <span className="subtle">—</span>}
          </td>
          <td className="table__actions-cell">
            <div className="table__actions">
              <Link className="button button--secondary button--small" to={catalogModelPath(model.id)} aria-label={`Edit ${model.id}`}>
                Edit
              </Link>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onToggle(model)}
                aria-label={`${model.enabled ? 'Deactivate' : 'Activate'} ${model.id}`}
              >
                {model.enabled ? 'Deactivate' : 'Activate'}
              </button>
            </div>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
