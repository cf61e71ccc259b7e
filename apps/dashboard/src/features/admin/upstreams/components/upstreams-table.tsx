import type { UpstreamAccount } from '@apilink/contracts';
import { Badge } from '../../../../components/badge';
import { DataTable } from '../../../../components/data-table';
import { formatDuration } from '../../../../lib/format';

const PROTOCOLS: Record<UpstreamAccount['protocol'], string> = { openai: 'OpenAI-compatible', anthropic: 'Anthropic', gemini: 'Gemini' };

interface UpstreamsTableProps {
  accounts: UpstreamAccount[];
  onEdit: (account: UpstreamAccount) => void;
  onToggle: (account: UpstreamAccount) => void;
}

export function UpstreamsTable({ accounts, onEdit, onToggle }: UpstreamsTableProps) {
  return (
    <DataTable
      columns={[
        { label: 'Account' },
        { label: 'API key' },
        { label: 'Models (priority)' },
        { label: 'Timeout', numeric: true },
        { label: 'Status' },
        { label: 'Actions', hiddenLabel: true },
      ]}
      testId="upstreams-table"
    >
      {accounts.map((account) => (
        <tr key={account.id} data-upstream-name={account.name}>
          <td data-label="Account" className="upstream-cell">
            <strong className="nowrap">{account.name}</strong>
            <div className="subtle">
              {PROTOCOLS[account.protocol]}
              {account.quirksPreset ? ` · preset ${account.quirksPreset}` : ''}
            </div>
            <div className="subtle mono break">{account.baseUrl}</div>
          </td>
          <td data-label="API key">
            {/* Write-only: the API returns the last 4 characters and nothing else. */}
            <code aria-label={`Key ending in ${account.apiKeyLast4}`}>••••{account.apiKeyLast4}</code>
          </td>
          <td data-label="Models (priority)">
            {account.models.length ? (
              <ul className="plain-list plain-list--tight">
                {account.models.map((route) => (
                  <li key={route.model}>
                    <code className="model-cell__id">{route.model}</code> <span className="subtle">({route.priority})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="subtle">None</span>
            )}
          </td>
          <td data-label="Timeout" className="num">
            {account.timeoutMs === null ? <span className="subtle">default</span> : formatDuration(account.timeoutMs)}
          </td>
          <td data-label="Status">{account.enabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="neutral">Disabled</Badge>}</td>
          <td className="table__actions-cell">
            <div className="table__actions">
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onEdit(account)}
                aria-label={`Edit ${account.name}`}
              >
                Edit
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onToggle(account)}
                aria-label={`${account.enabled ? 'Disable' : 'Enable'} ${account.name}`}
              >
                {account.enabled ? 'Disable' : 'Enable'}
              </button>
            </div>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
