/** Rows of the usage log (metadata only): the customer's Usage page and the staff user page. */
import type { UsageRecord } from '@apilink/contracts';
import type { ReactNode } from 'react';
import { formatDateTime, formatDuration, formatInteger, formatUsd } from '../lib/format';
import { DataTable } from './data-table';
import { UsageStatusBadge } from './usage-status-badge';

interface UsageLogTableProps {
  records: UsageRecord[];
  /** Key names by id; a key missing from it was deleted. */
  keyNames: ReadonlyMap<string, { name: string }>;
  /** The time cell, which opens the request: a dialog for customers, the request page for staff. */
  requestLink: (record: UsageRecord, time: string) => ReactNode;
  testId: string;
}

export function UsageLogTable({ records, keyNames, requestLink, testId }: UsageLogTableProps) {
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
      testId={testId}
    >
      {records.map((record) => (
        // A refused row may share its id with the settled retry that reused the caller's X-Request-Id.
        <tr key={`${record.requestId}:${record.status}`} data-request-id={record.requestId} data-status={record.status}>
          <td data-label="Time" className="nowrap">
            {requestLink(record, formatDateTime(record.createdAt))}
          </td>
          <td data-label="Key">{keyNames.get(record.keyId)?.name ?? <span className="subtle">Deleted key</span>}</td>
          <td data-label="Model / provider">
            <code className="model-cell__id">{record.model || '—'}</code>
            <div className="subtle">{providerNote(record)}</div>
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
            {record.httpStatus !== null ? (
              <div className="subtle mono" data-testid="usage-refusal">
                {record.httpStatus} {record.errorCode ?? ''}
              </div>
            ) : null}
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

function providerNote(record: UsageRecord): string {
  if (record.provider) return `via ${record.provider}`;
  return record.status === 'refused' ? 'refused before any upstream' : 'no provider answered';
}
