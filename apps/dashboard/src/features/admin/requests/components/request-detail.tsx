import type { AdminRequestDetail } from '@apilink/contracts';
import { Link } from 'react-router-dom';
import { Card } from '../../../../components/card';
import { formatDateTime, formatDuration, formatInteger, formatUsd } from '../../../../lib/format';
import { UsageStatusBadge } from '../../../../components/usage-status-badge';
import { userPath } from '../../user-path';
import { RequestAttemptsTable } from './request-attempts-table';

/** Everything the gateway recorded about one request: who, which key and model, where it went, what it cost. */
export function RequestDetail({ detail }: { detail: AdminRequestDetail }) {
  const { usage } = detail;
  return (
    <div className="stack">
      <div className="grid grid--two">
        <Card title="Request">
          <dl className="kv" data-testid="staff-request-details">
            <dt>Request id</dt>
            <dd className="mono">{detail.requestId}</dd>
            <dt>Time</dt>
            <dd>{formatDateTime(usage.createdAt)}</dd>
            <dt>Status</dt>
            <dd>
              <UsageStatusBadge status={usage.status} />
            </dd>
            <dt>Model</dt>
            <dd className="mono">{usage.model}</dd>
            <dt>Upstream</dt>
            <dd className="mono">{usage.provider ?? 'none answered'}</dd>
            <dt>Latency</dt>
            <dd>{formatDuration(usage.latencyMs)}</dd>
            <dt>First token</dt>
            <dd>{formatDuration(usage.ttftMs)}</dd>
          </dl>
        </Card>
        <Card title="Account and cost">
          <dl className="kv">
            <dt>User</dt>
            <dd>
              <Link to={userPath(detail.user.id)}>{detail.user.email}</Link>
            </dd>
            <dt>Key</dt>
            <dd>
              <div>{detail.key.name ?? <span className="subtle">Deleted key</span>}</div>
              {detail.key.displayKey ? <code>{detail.key.displayKey}</code> : null}
            </dd>
            <dt>Input tokens</dt>
            <dd>
              {formatInteger(usage.promptTokens)}
              {usage.cachedTokens > 0 ? ` (${formatInteger(usage.cachedTokens)} cached)` : ''}
            </dd>
            <dt>Output tokens</dt>
            <dd>{formatInteger(usage.completionTokens)}</dd>
            <dt>Cost</dt>
            <dd data-testid="staff-request-cost">
              {formatUsd(usage.cost.micros)}
              {usage.estimated ? <div className="subtle">Estimated: the upstream reported no usage.</div> : null}
              {BigInt(usage.uncollected.micros) > 0n ? (
                <div className="subtle">{formatUsd(usage.uncollected.micros)} written off (above the balance or key cap)</div>
              ) : null}
            </dd>
          </dl>
        </Card>
      </div>
      <Card title="Failover attempts" flush={detail.attempts !== null}>
        {detail.attempts === null ? (
          <div className="muted">
            The gateway did not record per-attempt details for this request. The upstream that answered is shown above.
          </div>
        ) : (
          <RequestAttemptsTable attempts={detail.attempts} />
        )}
      </Card>
    </div>
  );
}
