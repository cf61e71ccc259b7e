import type { ApiKeySummary } from '@apilink/contracts';
import { ApiKeyStatusBadge } from '../../../../components/api-key-status-badge';
import { DataTable } from '../../../../components/data-table';
import { formatDate, formatDateTime } from '../../../../lib/format';

/** The account's keys by name and display form; staff never see (or need) a secret. */
export function UserKeysTable({ keys, onRevoke }: { keys: ApiKeySummary[]; onRevoke: (key: ApiKeySummary) => void }) {
  return (
    <DataTable
      columns={[
        { label: 'Name' },
        { label: 'Key' },
        { label: 'Status' },
        { label: 'Created' },
        { label: 'Last used' },
        { label: 'Actions', hiddenLabel: true },
      ]}
      testId="user-keys-table"
    >
      {keys.map((key) => (
        <tr key={key.id} data-key-name={key.name}>
          <td data-label="Name">
            <strong>{key.name}</strong>
          </td>
          <td data-label="Key">
            <code>{key.displayKey}</code>
          </td>
          <td data-label="Status">
            <ApiKeyStatusBadge status={key.status} />
            {key.revokedAt ? <div className="subtle">{formatDateTime(key.revokedAt)}</div> : null}
          </td>
          <td data-label="Created" className="nowrap">
            {formatDate(key.createdAt)}
          </td>
          <td data-label="Last used" className="nowrap">
            {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : <span className="subtle">Never</span>}
          </td>
          <td className="table__actions-cell">
            {key.status === 'revoked' ? null : (
              <div className="table__actions">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => onRevoke(key)}
                  aria-label={`Revoke ${key.name}`}
                >
                  Revoke
                </button>
              </div>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
