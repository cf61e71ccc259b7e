import type { AuditLogEntry } from '@apilink/contracts';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../../components/data-table';
import { formatDateTime } from '../../../../lib/format';
import { RoleBadge } from '../../components/account-badges';
import { catalogModelPath } from '../../catalog-model-path';
import { userPath } from '../../user-path';
import { TARGET_TYPE_LABELS } from './audit-filters-form';
import { describeChanges } from './describe-changes';

function TargetCell({ entry }: { entry: AuditLogEntry }) {
  const label = TARGET_TYPE_LABELS[entry.targetType] ?? entry.targetType;
  const id = entry.targetId;
  const link = !id ? null : entry.targetType === 'user' ? userPath(id) : entry.targetType === 'model' ? catalogModelPath(id) : null;
  return (
    <>
      <div className="subtle">{label}</div>
      {id ? (
        link ? (
          <Link to={link} className="mono break">
            {id}
          </Link>
        ) : (
          <code className="break">{id}</code>
        )
      ) : null}
    </>
  );
}

function fieldList(fields: string[]): string {
  return fields.length > 3 ? `${fields.slice(0, 3).join(', ')} +${fields.length - 3} more` : fields.join(', ');
}

/**
 * The changed fields at a glance; their old and new values, and the id of the API call that made
 * the change (to find it in the logs), one click away.
 */
function DetailsCell({ entry }: { entry: AuditLogEntry }) {
  const changes = describeChanges(entry.before, entry.after);
  if (changes.length === 0 && !entry.requestId) return <span className="subtle">—</span>;
  return (
    <details className="changes">
      <summary>{changes.length ? fieldList(changes.map((change) => change.field)) : 'Request id'}</summary>
      {changes.length ? (
        <dl className="changes__list">
          {changes.map((change) => (
            <div key={change.field}>
              <dt>{change.field}</dt>
              <dd>
                <span className="changes__before">{change.before}</span> → <span className="changes__after">{change.after}</span>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {entry.requestId ? (
        <div className="changes__request subtle">
          Request id <code>{entry.requestId}</code>
        </div>
      ) : null}
    </details>
  );
}

interface AuditLogTableProps {
  entries: AuditLogEntry[];
  onFilterActor: (actorId: string) => void;
}

export function AuditLogTable({ entries, onFilterActor }: AuditLogTableProps) {
  return (
    <DataTable
      columns={[{ label: 'Time' }, { label: 'Actor' }, { label: 'Action and target' }, { label: 'Reason' }, { label: 'Details' }]}
      testId="audit-log-table"
    >
      {entries.map((entry) => (
        <tr key={entry.id} data-audit-action={entry.action}>
          <td data-label="Time" className="nowrap">
            {formatDateTime(entry.createdAt)}
          </td>
          <td data-label="Actor" className="audit__actor">
            {entry.actor.userId ? (
              <button
                type="button"
                className="link-button break"
                onClick={() => onFilterActor(entry.actor.userId!)}
                title="Show only this actor's actions"
              >
                {entry.actor.label}
              </button>
            ) : (
              <span>{entry.actor.label}</span>
            )}
            <div>{entry.actor.role ? <RoleBadge role={entry.actor.role} /> : <span className="subtle">system</span>}</div>
          </td>
          <td data-label="Action and target" className="audit__what">
            <code>{entry.action}</code>
            <TargetCell entry={entry} />
          </td>
          <td data-label="Reason" className="audit__reason break">
            {entry.reason ?? <span className="subtle">—</span>}
          </td>
          <td data-label="Details" className="audit__changes">
            <DetailsCell entry={entry} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
