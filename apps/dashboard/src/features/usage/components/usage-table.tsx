import type { UsageRecord } from '@apilink/contracts';
import { formatDateTime, formatDuration, formatInteger, formatUsd } from '../../../lib/format';
import type { KeyOption } from '../api/list-key-options';
import { UsageStatusBadge } from '../../../components/usage-status-badge';
import { DataTable } from '../../../components/data-table';

interface UsageTableProps {
  records: UsageRecord[];
  keyNames: Map<string, KeyOption>;
  onShowRequest: (requestId: string) => void;
}

export function UsageTable({ records, keyNames, onShowRequest }: UsageTableProps) {
  return (
    <DataTable
      columns={[
        { label: 'Time' },
        { label: 'Key' },
        { label: 'Model / provider' },
        { label: 'Tokens in / out', numeric: true },
        { label: 'Cost', numeric: true },
        { label: 'Status' },
        { label: 'Latency', numeric: true },
      ]}
      testId="usage-table"
    >
      {records.map((record) => (
        <tr key={record.requestId} data-request-id={record.requestId}>
          <td data-label="Time" className="nowrap">
            <button
              type="button"
              className="link-button"
              onClick={() => onShowRequest(record.requestId)}
              aria-label={`Show request ${record.requestId}`}
            >
              {formatDateTime(record.createdAt)}
            </button>
          </td>
          <td data-label="Key">{keyNames.get(record.keyId)?.name ?? <span className="subtle">Deleted key</span>}</td>
          <td data-label="Model / provider">
            <code className="model-cell__id">{record.model}</code>
            <div className="subtle">{record.provider ? `via ${record.provider}` : 'no provider answered'}</div>
          </td>
          <td data-label="Tokens in / out" className="num">
            {formatInteger(record.promptTokens)} / {formatInteger(record.completionTokens)}
            {record.cachedTokens > 0 ? <div className="subtle">{formatInteger(record.cachedTokens)} cached</div> : null}
          </td>
          <td data-label="Cost" className="num" data-testid="usage-cost">
            {formatUsd(record.cost.micros)}
            {record.estimated ? (
              <div className="subtle" title="The provider reported no usage; ApiLink counted the tokens itself.">
                estimated
              </div>
            ) : null}
          </td>
          <td data-label="Status">
            <UsageStatusBadge status={record.status} />
          </td>
          <td data-label="Latency" className="num">
            {formatDuration(record.latencyMs)}
            {record.ttftMs !== null ? <div className="subtle">first token {formatDuration(record.ttftMs)}</div> : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
