import type { ApiKeySummary, UsageRecord } from '@apilink/contracts';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../../components/data-table';
import { formatDateTime, formatDuration, formatInteger, formatUsd } from '../../../../lib/format';
import { UsageStatusBadge } from '../../../../components/usage-status-badge';
import { requestPath } from '../../requests/request-path';

interface UserUsageTableProps {
  records: UsageRecord[];
  keys: Map<string, ApiKeySummary>;
}

export function UserUsageTable({ records, keys }: UserUsageTableProps) {
  return (
    <DataTable
      columns={[
        { label: 'Time' },
        { label: 'Key' },
        { label: 'Model / upstream' },
        { label: 'Tokens in / out', numeric: true },
        { label: 'Cost', numeric: true },
        { label: 'Status' },
        { label: 'Latency', numeric: true },
      ]}
      testId="user-usage-table"
    >
      {records.map((record) => (
        <tr key={record.requestId} data-request-id={record.requestId}>
          <td data-label="Time" className="nowrap">
            <Link to={requestPath(record.requestId)} aria-label={`Request ${record.requestId}`}>
              {formatDateTime(record.createdAt)}
            </Link>
          </td>
          <td data-label="Key">{keys.get(record.keyId)?.name ?? <span className="subtle">Deleted key</span>}</td>
          <td data-label="Model / upstream">
            <code className="model-cell__id">{record.model}</code>
            <div className="subtle">{record.provider ? `via ${record.provider}` : 'no upstream answered'}</div>
          </td>
          <td data-label="Tokens in / out" className="num">
            {formatInteger(record.promptTokens)} / {formatInteger(record.completionTokens)}
          </td>
          <td data-label="Cost" className="num">
            {formatUsd(record.cost.micros)}
          </td>
          <td data-label="Status">
            <UsageStatusBadge status={record.status} />
          </td>
          <td data-label="Latency" className="num">
            {formatDuration(record.latencyMs)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
