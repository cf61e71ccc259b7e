import type { UsageRecord } from '@apilink/contracts';
import { formatDateTime, formatDuration, formatInteger, formatUsd } from '../../../lib/format';
import { UsageStatusBadge } from '../../../components/usage-status-badge';

export function RequestDetails({ record, keyName }: { record: UsageRecord; keyName?: string }) {
  return (
    <dl className="kv" data-testid="request-details">
      <dt>Request id</dt>
      <dd className="mono">{record.requestId}</dd>
      <dt>Time</dt>
      <dd>{formatDateTime(record.createdAt)}</dd>
      <dt>Status</dt>
      <dd>
        <UsageStatusBadge status={record.status} />
        {record.httpStatus !== null ? ` HTTP ${record.httpStatus}${record.errorCode ? ` ${record.errorCode}` : ''}` : ''}
      </dd>
      <dt>Key</dt>
      <dd>{keyName ?? record.keyId}</dd>
      <dt>Model</dt>
      <dd className="mono">{record.model || '—'}</dd>
      <dt>Provider</dt>
      <dd>{record.provider ?? '—'}</dd>
      <dt>Input tokens</dt>
      <dd>
        {formatInteger(record.promptTokens)}
        {record.cachedTokens > 0 ? ` (${formatInteger(record.cachedTokens)} cached)` : ''}
      </dd>
      <dt>Output tokens</dt>
      <dd>{formatInteger(record.completionTokens)}</dd>
      <dt>Cost</dt>
      <dd>
        {formatUsd(record.cost.micros)}
        {record.estimated ? ' (estimated: the provider reported no usage)' : ''}
        {BigInt(record.uncollected.micros) > 0n ? `, ${formatUsd(record.uncollected.micros)} written off` : ''}
      </dd>
      <dt>Latency</dt>
      <dd>
        {formatDuration(record.latencyMs)}
        {record.ttftMs !== null ? `, first token after ${formatDuration(record.ttftMs)}` : ''}
      </dd>
    </dl>
  );
}
