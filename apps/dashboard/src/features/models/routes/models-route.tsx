import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card } from '../../../components/card';
import { Field } from '../../../components/field';
import { PageHeader } from '../../../components/page-header';
import { SearchField } from '../../../components/search-field';
import { EmptyState, ErrorState, LoadingState } from '../../../components/query-state';
import { useModels } from '../../../hooks/use-models';
import {
  CAPABILITIES,
  EMPTY_MODEL_FILTERS,
  filterModels,
  MODEL_SORTS,
  providersOf,
  readModelFilters,
  writeModelFilters,
  type Capability,
  type ModelFilters,
  type ModelSort,
} from '../components/filter-models';
import { ModelsTable } from '../components/models-table';

export function ModelsRoute() {
  const models = useModels();
  // Filters are state first (every keystroke counts) and mirrored into the URL so a filtered
  // list can be shared or reloaded; reading them back from the URL on each change would drop
  // keystrokes, because a URL update lands a render later.
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<ModelFilters>(() => readModelFilters(params));
  // Only on a filter change: setParams changes identity with every URL change, which would loop.
  useEffect(() => setParams(writeModelFilters(filters), { replace: true }), [filters]);
  const { search, provider, sort, capabilities } = filters;
  const update = (changes: Partial<ModelFilters>) => setFilters((current) => ({ ...current, ...changes }));

  const toggleCapability = (capability: Capability) =>
    setFilters((current) => ({
      ...current,
      capabilities: current.capabilities.includes(capability)
        ? current.capabilities.filter((c) => c !== capability)
        : [...current.capabilities, capability],
    }));

  // A few hundred rows filter in well under a millisecond: no memo needed.
  const visible = filterModels(models.data ?? [], { search, provider, capabilities, sort });

  return (
    <>
      <PageHeader
        title="Models"
        description="Every model you can call through ApiLink, with prices per 1 million tokens. Use the model id in your requests."
      />
      <Card flush>
        <div className="filters filters--padded">
          <SearchField placeholder="gpt-4o, claude, llama…" value={search} onChange={(value) => update({ search: value })} />
          <Field label="Provider">
            <select className="select" value={provider} onChange={(event) => update({ provider: event.target.value })}>
              <option value="">All providers</option>
              {providersOf(models.data ?? []).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Sort by">
            <select className="select" value={sort} onChange={(event) => update({ sort: event.target.value as ModelSort })}>
              {MODEL_SORTS.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            </select>
          </Field>
          <div className="field filters__wide" role="group" aria-labelledby="capabilities-label">
            <span className="field__label" id="capabilities-label">
              Capabilities
            </span>
            <div className="chips">
              {CAPABILITIES.map((capability) => (
                <button
                  key={capability.id}
                  type="button"
                  className="chip"
                  aria-pressed={capabilities.includes(capability.id)}
                  onClick={() => toggleCapability(capability.id)}
                >
                  {capability.label}
                </button>
              ))}
            </div>
          </div>
        </div>
        {models.isPending ? (
          <LoadingState label="Loading models…" />
        ) : models.error ? (
          <ErrorState error={models.error} title="Could not load the models" onRetry={() => void models.refetch()} />
        ) : models.data.length === 0 ? (
          <EmptyState title="No models are active">No upstream provider is configured yet. Ask your administrator to add one.</EmptyState>
        ) : visible.length === 0 ? (
          <EmptyState
            title="No models match"
            action={
              <button type="button" className="button button--secondary" onClick={() => setFilters(EMPTY_MODEL_FILTERS)}>
                Clear filters
              </button>
            }
          >
            Try another search or fewer capabilities.
          </EmptyState>
        ) : (
          <>
            <p className="table-caption" aria-live="polite">
              Showing {visible.length} of {models.data.length} models
            </p>
            <ModelsTable models={visible} />
          </>
        )}
      </Card>
    </>
  );
}
