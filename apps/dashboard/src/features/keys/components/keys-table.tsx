import type { ApiKeyStatus, ApiKeySummary } from '@apilink/contracts';
import { Badge, type BadgeTone } from '../../../components/badge';
import { formatDate, formatDateTime, formatUsdCents } from '../../../lib/format';

const STATUS: Record<ApiKeyStatus, { label: string; tone: BadgeTone }> = {
  active: { label: 'Active', tone: 'success' },
  revoked: { label: 'Revoked', tone: 'danger' },
  expired: { label: 'Expired', tone: 'warning' },
};

interface KeysTableProps {
  keys: ApiKeySummary[];
  onRename: (key: ApiKeySummary) => void;
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

export function KeysTable({ keys, onRename, onRevoke }: KeysTableProps) {
  return (
    <div className="table-wrap">
      <table className="table table--cards" data-testid="keys-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Status</th>
            <th scope="col">Limits</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} data-key-name={key.name}>
              <td data-label="Name">
                <strong>{key.name}</strong>
              </td>
              <td data-label="Key">
                <code className="nowrap">{key.displayKey}</code>
              </td>
              <td data-label="Status">
                <Badge tone={STATUS[key.status].tone}>{STATUS[key.status].label}</Badge>
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
                    <button type="button" className="button button--secondary button--small" onClick={() => onRename(key)} aria-label={`Rename ${key.name}`}>
                      Rename
                    </button>
                    <button type="button" className="button button--secondary button--small" onClick={() => onRevoke(key)} aria-label={`Revoke ${key.name}`}>
                      Revoke
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
