/** Search, filter and sort of the models table, kept pure so it is tested without a browser. */
import type { CatalogModel } from '@apilink/contracts';

export type Capability = keyof CatalogModel['capabilities'];
export const CAPABILITIES: { id: Capability; label: string }[] = [
  { id: 'tools', label: 'Tools' },
  { id: 'vision', label: 'Vision' },
  { id: 'reasoning', label: 'Reasoning' },
];

export type ModelSort = 'name' | 'input-asc' | 'input-desc' | 'output-asc' | 'context-desc';
export const MODEL_SORTS: { id: ModelSort; label: string }[] = [
  { id: 'name', label: 'Name' },
  { id: 'input-asc', label: 'Input price: low to high' },
  { id: 'input-desc', label: 'Input price: high to low' },
  { id: 'output-asc', label: 'Output price: low to high' },
  { id: 'context-desc', label: 'Context window: largest first' },
];

export interface ModelFilters {
  search: string;
  provider: string;
  capabilities: Capability[];
  sort: ModelSort;
}

export const EMPTY_MODEL_FILTERS: ModelFilters = { search: '', provider: '', capabilities: [], sort: 'name' };

/** Filters from the URL (`?q=&provider=&cap=tools,vision&sort=`), ignoring unknown values. */
export function readModelFilters(params: URLSearchParams): ModelFilters {
  const sort = params.get('sort');
  const capabilities = (params.get('cap') ?? '').split(',').filter((c): c is Capability => CAPABILITIES.some((known) => known.id === c));
  return {
    search: params.get('q') ?? '',
    provider: params.get('provider') ?? '',
    capabilities,
    sort: MODEL_SORTS.some((option) => option.id === sort) ? (sort as ModelSort) : 'name',
  };
}

export function writeModelFilters(filters: ModelFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search) params.set('q', filters.search);
  if (filters.provider) params.set('provider', filters.provider);
  if (filters.capabilities.length) params.set('cap', filters.capabilities.join(','));
  if (filters.sort !== 'name') params.set('sort', filters.sort);
  return params;
}

const price = (value: string) => Number(value);

const comparators: Record<ModelSort, (a: CatalogModel, b: CatalogModel) => number> = {
  name: (a, b) => a.id.localeCompare(b.id),
  'input-asc': (a, b) => price(a.pricesPerMTokUsd.input) - price(b.pricesPerMTokUsd.input),
  'input-desc': (a, b) => price(b.pricesPerMTokUsd.input) - price(a.pricesPerMTokUsd.input),
  'output-asc': (a, b) => price(a.pricesPerMTokUsd.output) - price(b.pricesPerMTokUsd.output),
  'context-desc': (a, b) => b.contextWindow - a.contextWindow,
};

export function filterModels(models: CatalogModel[], filters: ModelFilters): CatalogModel[] {
  const terms = filters.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return models
    .filter((model) => !filters.provider || model.provider === filters.provider)
    .filter((model) => filters.capabilities.every((capability) => model.capabilities[capability]))
    .filter((model) => {
      const haystack = `${model.id} ${model.name} ${model.provider}`.toLowerCase();
      return terms.every((term) => haystack.includes(term));
    })
    .sort((a, b) => comparators[filters.sort](a, b) || a.id.localeCompare(b.id));
}

export function providersOf(models: CatalogModel[]): string[] {
  return [...new Set(models.map((model) => model.provider))].sort();
}

/** `2.5` → `$2.50`, `0.075` → `$0.075`: exact as sent, at least cents. */
export function formatPricePerMTok(usd: string): string {
  const [whole, fraction = ''] = usd.split('.');
  return `$${whole}.${fraction.padEnd(2, '0')}`;
}

export function formatContext(tokens: number): string {
  if (tokens >= 1_000_000) return `${Number((tokens / 1_000_000).toFixed(2))}M`;
  if (tokens >= 1_000) return `${Number((tokens / 1_000).toFixed(1))}K`;
  return String(tokens);
}
