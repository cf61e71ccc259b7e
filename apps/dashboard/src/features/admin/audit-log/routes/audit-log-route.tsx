import { useSearchParams } from 'react-router-dom';
import { Alert } from '../../../../components/alert';
import { Card } from '../../../../components/card';
import { PageHeader } from '../../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/query-state';
import { PageNav } from '../../components/page-nav';
import { useAuditLog } from '../api/list-audit-log';
import { readAuditFilters, writeAuditFilters } from '../components/audit-filters';
import { AuditFiltersForm } from '../components/audit-filters-form';
import { AuditLogTable } from '../components/audit-log-table';

export function AuditLogRoute() {
  // Filters and page live in the URL: a filtered view can be shared with another admin.
  const [params, setParams] = useSearchParams();
  const filters = readAuditFilters(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const audit = useAuditLog(filters, page);
  const filtered = writeAuditFilters(filters).size > 0;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change staff and operators made: who, what, to which target, why, and the request that did it. Entries are never edited or deleted."
      />
      <Card flush>
        {/* Keyed by the URL so the form shows the filters in effect after back/forward navigation. */}
        <AuditFiltersForm key={params.toString()} values={filters} onApply={(next) => setParams(writeAuditFilters(next))} />
        {audit.isPending ? (
          <LoadingState label="Loading the audit log…" />
        ) : audit.error ? (
          <ErrorState error={audit.error} title="Could not load the audit log" onRetry={() => void audit.refetch()} />
        ) : audit.data.unknownActor ? (
          <div className="card__section">
            <Alert tone="warning" title="No account with that email">
              The actor filter takes the email of a staff member (exactly) or a user id.
            </Alert>
          </div>
        ) : audit.data.entries.total === 0 ? (
          <EmptyState title={filtered ? 'No entries match these filters' : 'Nothing recorded yet'}>
            {filtered ? 'Try a wider date range or fewer filters.' : 'Staff actions appear here as soon as they are made.'}
          </EmptyState>
        ) : (
          <>
            <AuditLogTable
              entries={audit.data.entries.data}
              onFilterActor={(actorId) => setParams(writeAuditFilters({ ...filters, actor: actorId }))}
            />
            <PageNav
              page={page}
              pageSize={audit.data.entries.pageSize}
              total={audit.data.entries.total}
              noun="entries"
              onPage={(next) => setParams(writeAuditFilters(filters, next))}
            />
          </>
        )}
      </Card>
    </>
  );
}
