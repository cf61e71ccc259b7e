import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/alert';
import { Card } from '../../../components/card';
import { PageHeader } from '../../../components/page-header';
import { Pagination } from '../../../components/pagination';
import { EmptyState, ErrorDetail, ErrorState, LoadingState } from '../../../components/query-state';
import { formatInteger } from '../../../lib/format';
import { useExportUsageCsv } from '../api/export-usage-csv';
import { useModelTotals } from '../api/get-model-totals';
import { useKeyOptions, type KeyOption } from '../api/list-key-options';
import { useUsage } from '../api/list-usage';
import { ModelTotalsCard } from '../components/model-totals-card';
import { RequestLookupDialog } from '../components/request-lookup-dialog';
import { RequestLookupForm } from '../components/request-lookup-form';
import { describePeriod, readFilters, toApiFilters, writeFilters } from '../components/usage-filters-state';
import { UsageFiltersForm } from '../components/usage-filters-form';
import { UsageLogTable } from '../../../components/usage-log-table';

export function UsageRoute() {
  const [params, setParams] = useSearchParams();
  const values = readFilters(params);
  const filters = toApiFilters(values);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const usage = useUsage(filters, page);
  const keys = useKeyOptions();
  const periodTotals = useModelTotals(toApiFilters({ ...values, model: '', status: '', keyId: '' }));
  const exportCsv = useExportUsageCsv();
  const [lookup, setLookup] = useState<string | null>(null);

  const keyNames = new Map<string, KeyOption>((keys.data ?? []).map((key) => [key.id, key]));
  const modelNames = (periodTotals.data?.data ?? []).map((row) => row.model);
  const goToPage = (next: number) => {
    const nextParams = writeFilters(values);
    if (next > 1) nextParams.set('page', String(next));
    setParams(nextParams);
  };

  return (
    <>
      <PageHeader
        title="Usage"
        description="Every request made with your keys: tokens, cost and outcome. Prompts and answers are never stored."
        actions={
          <button
            type="button"
            className="button button--secondary"
            disabled={exportCsv.isPending}
            onClick={() => exportCsv.mutate(filters)}
          >
            {exportCsv.isPending ? 'Exporting…' : 'Export CSV'}
          </button>
        }
      />
      <div className="stack">
        {exportCsv.error ? (
          <Alert tone="error" title="The export failed">
            <ErrorDetail error={exportCsv.error} />
          </Alert>
        ) : null}
        <Card>
          <RequestLookupForm onLookup={setLookup} />
        </Card>
        <Card title="Requests" flush>
          {/* Keyed by the URL so the form shows the filters in effect after back/forward navigation. */}
          <UsageFiltersForm
            key={params.toString()}
            values={values}
            keys={keys.data ?? []}
            models={modelNames}
            onApply={(next) => setParams(writeFilters(next))}
          />
          {usage.isPending ? (
            <LoadingState label="Loading requests…" />
          ) : usage.error ? (
            <ErrorState error={usage.error} title="Could not load your requests" onRetry={() => void usage.refetch()} />
          ) : usage.data.total === 0 ? (
            <EmptyState title={params.size > 0 ? 'No requests match these filters' : 'No requests yet'}>
              {params.size > 0 ? 'Try a wider date range or fewer filters.' : 'Requests appear here a few seconds after you make them.'}
            </EmptyState>
          ) : (
            <>
              <UsageLogTable
                records={usage.data.data}
                keyNames={keyNames}
                testId="usage-table"
                requestLink={(record, time) => (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setLookup(record.requestId)}
                    aria-label={`Show request ${record.requestId}`}
                  >
                    {time}
                  </button>
                )}
              />
              <Pagination
                page={page}
                hasPrevious={page > 1}
                hasNext={page * usage.data.pageSize < usage.data.total}
                onPrevious={() => goToPage(page - 1)}
                onNext={() => goToPage(page + 1)}
                summary={`${formatInteger((page - 1) * usage.data.pageSize + 1)}–${formatInteger(
                  Math.min(page * usage.data.pageSize, usage.data.total),
                )} of ${formatInteger(usage.data.total)} requests`}
              />
            </>
          )}
        </Card>
        <ModelTotalsCard filters={filters} period={describePeriod(values)} />
      </div>
      <RequestLookupDialog requestId={lookup} keyNames={keyNames} onClose={() => setLookup(null)} />
    </>
  );
}
