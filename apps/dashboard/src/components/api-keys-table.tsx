/** An account's API keys by name and display form (never a secret): the customer's Keys page and the staff user page. */
import type { ApiKeySummary } from '@apilink/contracts';
import { formatDate, formatDateTime, formatUsdCents } from '../lib/format';
import { ApiKeyStatusBadge } from './api-key-status-badge';
import { DataTable } from './data-table';

interface ApiKeysTableProps {
  keys: ApiKeySummary[];
  testId: string;
  /** Rename is the owner's action only; without it the button is not shown. */
  onRename?: (key: ApiKeySummary) => void;
  onRevoke: (key: ApiKeySummary) => void;
}

function limitsOf(key: ApiKeySummary): string {
  const parts = [
    key.rpmLimit ? `${key.rpmLimit} RPM` : null,
    key.spendCapMicros ? `${formatUsdCents(key.spendCapMicros)} cap` : null,
    key.expiresAt ? `expires ${formatDate(key.expiresAt)}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'Defaults';
}

export function ApiKeysTable({ keys, testId, onRename, onRevoke }: ApiKeysTableProps) {
  return (
    <DataTable
      columns={[
        { label: 'Name' },
        { label: 'Key' },
        { label: 'Status' },
        { label: 'Limits' },
        { label: 'Created' },
        { label: 'Last used' },
        { label: 'Actions', hiddenLabel: true },
      ]}
      testId={testId}
    >
      {keys.map((key) => (
        <tr key={key.id} data-key-name={key.name}>
          <td data-label="Name">
            <strong>{key.name}</strong>
          </td>
          <td data-label="Key">
            <code className="nowrap">{key.displayKey}</code>
          </td>
          <td data-label="Status">
            <ApiKeyStatusBadge status={key.status} />
            {key.revokedAt ? <div className="subtle">{formatDateTime(key.revokedAt)}</div> : null}
          </td>
          <td data-label="Limits" className="muted">
            {limitsOf(key)}
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
                {onRename ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => onRename(key)}
                    aria-label={`Rename ${key.name}`}
                  >
                    Rename
                  </button>
                ) : null}
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
