/** Search and state filter of the admin catalog list, kept in the URL so "back" from a model returns to it. */
import type { AdminModel } from '@apilink/contracts';

export const CATALOG_STATES = [
  { id: '', label: 'Any state' },
  { id: 'served', label: 'Served' },
  { id: 'not-served', label: 'Enabled, not served' },
  { id: 'deactivated', label: 'Deactivated' },
] as const;

export type CatalogState = (typeof CATALOG_STATES)[number]['id'];

export interface CatalogFilters {
  search: string;
  state: CatalogState;
}

export function readCatalogFilters(params: URLSearchParams): CatalogFilters {
  const state = CATALOG_STATES.find((option) => option.id === params.get('state'))?.id ?? '';
  return { search: params.get('q') ?? '', state };
}

export function writeCatalogFilters(filters: CatalogFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search) params.set('q', filters.search);
  if (filters.state) params.set('state', filters.state);
  return params;
}

function matchesState(model: AdminModel, state: CatalogState): boolean {
  if (state === 'served') return model.active;
  if (state === 'not-served') return model.enabled && !model.active;
  if (state === 'deactivated') return !model.enabled;
  return true;
}

/** Every word must appear in the id, the name, the provider or an alias. */
export function filterCatalog(models: AdminModel[], { search, state }: CatalogFilters): AdminModel[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return models.filter((model) => {
    if (!matchesState(model, state)) return false;
    const haystack = [model.id, model.name, model.provider, ...model.aliases].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
