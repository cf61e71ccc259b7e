import type { AdminModel } from '@apilink/contracts';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert } from '../../../../components/alert';
import { Card } from '../../../../components/card';
import { Field } from '../../../../components/field';
import { PageHeader } from '../../../../components/page-header';
import { SearchField } from '../../../../components/search-field';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/query-state';
import { PageNav } from '../../components/page-nav';
import { useCatalogModels } from '../../api/list-catalog-models';
import { CatalogTable } from '../components/catalog-table';
import {
  CATALOG_STATES,
  filterCatalog,
  readCatalogFilters,
  writeCatalogFilters,
  type CatalogFilters,
  type CatalogState,
} from '../components/filter-catalog';
import { ModelToggleDialog } from '../components/model-toggle-dialog';

const PAGE_SIZE = 50;

export function CatalogRoute() {
  const models = useCatalogModels();
  // State first (every keystroke counts), mirrored into the URL so "back" from a model keeps the search.
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<CatalogFilters>(() => readCatalogFilters(params));
  const [page, setPage] = useState(1);
  useEffect(() => setParams(writeCatalogFilters(filters), { replace: true }), [filters]);
  const [toggling, setToggling] = useState<AdminModel | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const update = (changes: Partial<CatalogFilters>) => {
    setFilters((current) => ({ ...current, ...changes }));
    setPage(1);
  };
  const visible = filterCatalog(models.data ?? [], filters);
  const shown = visible.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <>
      <PageHeader
        title="Model catalog"
        description="Switch models on or off, set their prices per 1M tokens, aliases and default output caps. A model is served when it is enabled, priced and routed to an upstream account."
      />
      <div className="stack">
        {notice ? <Alert tone="success" title={notice} /> : null}
        <Card flush>
          <div className="filters filters--padded">
            <SearchField placeholder="id, name, provider or alias" value={filters.search} onChange={(search) => update({ search })} />
            <Field label="State">
              <select className="select" value={filters.state} onChange={(event) => update({ state: event.target.value as CatalogState })}>
                {CATALOG_STATES.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {models.isPending ? (
            <LoadingState label="Loading the catalog…" />
          ) : models.error ? (
            <ErrorState error={models.error} title="Could not load the catalog" onRetry={() => void models.refetch()} />
          ) : visible.length === 0 ? (
            <EmptyState
              title="No models match"
              action={
                <button type="button" className="button button--secondary" onClick={() => update({ search: '', state: '' })}>
                  Clear filters
                </button>
              }
            >
              Try another search or state.
            </EmptyState>
          ) : (
            <>
              <CatalogTable models={shown} onToggle={setToggling} />
              <PageNav page={page} pageSize={PAGE_SIZE} total={visible.length} noun="models" onPage={setPage} />
            </>
          )}
        </Card>
      </div>
      <ModelToggleDialog
        model={toggling}
        onClose={() => setToggling(null)}
        onDone={(updated) => {
          setToggling(null);
          setNotice(`${updated.id} is ${updated.enabled ? 'activated' : 'deactivated'}.`);
        }}
      />
    </>
  );
}
