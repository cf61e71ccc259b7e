import type { CatalogModel } from '@apilink/contracts';
import { describe, expect, it } from 'vitest';
import {
  filterModels,
  formatContext,
  formatPricePerMTok,
  providersOf,
  readModelFilters,
  writeModelFilters,
  type ModelFilters,
} from './filter-models';

function model(
  id: string,
  input: string,
  output: string,
  contextWindow: number,
  capabilities: Partial<CatalogModel['capabilities']> = {},
): CatalogModel {
  const provider = id.split('/')[0];
  return {
    id,
    name: id.split('/')[1],
    provider,
    ownedBy: provider,
    contextWindow,
    maxOutputTokens: 4096,
    capabilities: { tools: false, vision: false, reasoning: false, ...capabilities },
    modalities: ['text'],
    pricesPerMTokUsd: { input, output, cachedInput: null, cacheWrite: null, reasoning: null },
  };
}

const models = [
  model('openai/gpt-4o', '2.5', '10', 128_000, { tools: true, vision: true }),
  model('anthropic/claude-sonnet-4', '3', '15', 200_000, { tools: true, vision: true, reasoning: true }),
  model('deepseek/deepseek-chat', '0.27', '1.1', 64_000, { tools: true }),
  model('google/gemini-2.5-flash', '0.3', '2.5', 1_048_576, { tools: true, vision: true, reasoning: true }),
];

const none: ModelFilters = { search: '', provider: '', capabilities: [], sort: 'name' };

describe('filterModels', () => {
  it('matches every search word against id, name and provider', () => {
    expect(filterModels(models, { ...none, search: 'GEMINI flash' }).map((m) => m.id)).toEqual(['google/gemini-2.5-flash']);
  });

  it('keeps only models with all the chosen capabilities', () => {
    expect(filterModels(models, { ...none, capabilities: ['vision', 'reasoning'] }).map((m) => m.id)).toEqual([
      'anthropic/claude-sonnet-4',
      'google/gemini-2.5-flash',
    ]);
  });

  it('filters by provider and sorts by price numerically, not as text', () => {
    expect(filterModels(models, { ...none, sort: 'input-asc' }).map((m) => m.pricesPerMTokUsd.input)).toEqual(['0.27', '0.3', '2.5', '3']);
    expect(filterModels(models, { ...none, provider: 'openai' })).toHaveLength(1);
  });

  it('sorts by context window, largest first', () => {
    expect(filterModels(models, { ...none, sort: 'context-desc' })[0].id).toBe('google/gemini-2.5-flash');
  });
});

describe('formatting', () => {
  it('shows prices exactly, with at least cents', () => {
    expect(formatPricePerMTok('2.5')).toBe('$2.50');
    expect(formatPricePerMTok('0.075')).toBe('$0.075');
    expect(formatPricePerMTok('10')).toBe('$10.00');
  });

  it('shortens context windows', () => {
    expect(formatContext(128_000)).toBe('128K');
    expect(formatContext(1_048_576)).toBe('1.05M');
  });

  it('lists each provider once, sorted', () => {
    expect(providersOf([...models, models[0]])).toEqual(['anthropic', 'deepseek', 'google', 'openai']);
  });
});

describe('filters in the URL', () => {
  it('round-trip through the query string and ignore values they do not know', () => {
    const filters: ModelFilters = { search: 'claude', provider: 'anthropic', capabilities: ['vision', 'tools'], sort: 'input-asc' };
    expect(readModelFilters(writeModelFilters(filters))).toEqual(filters);
    expect(readModelFilters(new URLSearchParams('sort=cheapest&cap=vision,flying'))).toEqual({ ...none, capabilities: ['vision'] });
    expect(writeModelFilters(none).toString()).toBe('');
  });
});
