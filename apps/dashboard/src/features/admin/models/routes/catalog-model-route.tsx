import type { AdminModel } from '@apilink/contracts';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert } from '../../../../components/alert';
import { Card } from '../../../../components/card';
import { PageHeader } from '../../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/query-state';
import { ApiError } from '../../../../lib/api-client';
import { formatDateTime, formatInteger, formatUsd } from '../../../../lib/format';
import { useCatalogModel } from '../api/get-catalog-model';
import { ModelCapabilitiesForm } from '../components/model-capabilities-form';
import { ModelStateBadge } from '../components/model-state-badge';
import { ModelSettingsForm } from '../components/model-settings-form';
import { ModelToggleDialog } from '../components/model-toggle-dialog';
import { PriceForm } from '../components/price-form';
import { PriceHistoryTable } from '../components/price-history-table';

export function CatalogModelRoute() {
  // The splat is the model id, slashes and all (`nebius/Qwen/Qwen3-32B`).
  const modelId = useParams()['*'] ?? '';
  return <CatalogModelPage key={modelId} modelId={modelId} />;
}

function CatalogModelPage({ modelId }: { modelId: string }) {
  const model = useCatalogModel(modelId);
  const [toggling, setToggling] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  if (model.isPending) return <LoadingState label="Loading the model…" />;
  if (model.error) {
    const missing = model.error instanceof ApiError && model.error.status === 404;
    return (
      <>
        <PageHeader title={modelId || 'Model'} description={<Link to="/staff/models">Back to the catalog</Link>} />
        <ErrorState
          error={model.error}
          title={missing ? 'No such model in the catalog' : 'Could not load the model'}
          onRetry={missing ? undefined : () => void model.refetch()}
        />
      </>
    );
  }

  const data = model.data;
  const saved = (message: string) => (updated: AdminModel) => setNotice(`${updated.id}: ${message}`);

  return (
    <>
      <PageHeader
        title={data.name}
        description={
          <span className="row">
            <code>{data.id}</code>
            <ModelStateBadge model={data} />
            <Link to="/staff/models">Back to the catalog</Link>
          </span>
        }
        actions={
          <button type="button" className={data.enabled ? 'button button--secondary' : 'button'} onClick={() => setToggling(true)}>
            {data.enabled ? 'Deactivate' : 'Activate'}
          </button>
        }
      />
      <div className="stack">
        {notice ? <Alert tone="success" title={notice} /> : null}
        <Card title="Details">
          <dl className="kv">
            <dt>Provider</dt>
            <dd>{data.provider}</dd>
            <dt>Upstream model id</dt>
            <dd className="mono">{data.upstreamModel}</dd>
            <dt>Context window</dt>
            <dd>{formatInteger(data.contextWindow)} tokens</dd>
            <dt>Maximum output</dt>
            <dd>{formatInteger(data.maxOutputTokens)} tokens</dd>
            <dt>Routed to</dt>
            <dd>
              {data.upstreams.length ? (
                <span className="mono">{data.upstreams.join(' → ')}</span>
              ) : (
                <span className="subtle">No upstream account serves this model.</span>
              )}
            </dd>
            <dt>Price in force since</dt>
            <dd>{data.currentPrice ? formatDateTime(data.currentPrice.effectiveFrom) : <span className="subtle">No price yet</span>}</dd>
            {data.currentPrice?.longContextTiers.length ? (
              <>
                <dt>Long-context prices</dt>
                <dd>
                  <ul className="plain-list plain-list--tight">
                    {data.currentPrice.longContextTiers.map((tier) => (
                      <li key={tier.aboveInputTokens}>
                        Above {formatInteger(tier.aboveInputTokens)} input tokens: {formatUsd(tier.inputPerMTok.micros)} in,{' '}
                        {formatUsd(tier.outputPerMTok.micros)} out per 1M
                      </li>
                    ))}
                  </ul>
                  <span className="subtle">Carried over to every new price; they cannot be edited here.</span>
                </dd>
              </>
            ) : null}
          </dl>
        </Card>
        <Card title="Set a new price">
          {/* Keyed by the price in force, so the form shows the saved values after a change. */}
          <PriceForm
            key={data.currentPrice?.effectiveFrom ?? 'none'}
            model={data}
            onSaved={saved('the new price is in force for new requests.')}
          />
        </Card>
        <Card title="Aliases and output cap">
          <ModelSettingsForm
            key={`${data.aliases.join(',')}:${data.defaultMaxOutputTokens}`}
            model={data}
            onSaved={saved('aliases and output cap saved.')}
          />
        </Card>
        <Card title="Capabilities">
          <ModelCapabilitiesForm
            key={`${data.capabilities.tools}:${data.capabilities.vision}:${data.capabilities.reasoning}`}
            model={data}
            onSaved={saved('capabilities saved; requests are checked against them at once.')}
          />
        </Card>
        <Card title="Price history" flush>
          {data.priceHistory.length ? (
            <PriceHistoryTable prices={data.priceHistory} current={data.currentPrice} />
          ) : (
            <EmptyState title="No prices yet">Set a price above before the model can be served.</EmptyState>
          )}
        </Card>
      </div>
      <ModelToggleDialog
        model={toggling ? data : null}
        onClose={() => setToggling(false)}
        onDone={(updated) => {
          setToggling(false);
          setNotice(`${updated.id} is ${updated.enabled ? 'activated' : 'deactivated'}.`);
        }}
      />
    </>
  );
}
