import type { ApiKeyStatus, ApiKeySummary } from '@apilink/contracts';
import { Badge, type BadgeTone } from '../../../../components/badge';
import { DataTable } from '../../../../components/data-table';
import { formatDate, formatDateTime } from '../../../../lib/format';

const STATUS: Record<ApiKeyStatus, { label: string; tone: BadgeTone }> = {
  active: { label: 'Active', tone: 'success' },
  revoked: { label: 'Revoked', tone: 'danger' },
  expired: { label: 'Expired', tone: 'warning' },
};

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
            <Badge tone={STATUS[key.status].tone}>{STATUS[key.status].label}</Badge>
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
