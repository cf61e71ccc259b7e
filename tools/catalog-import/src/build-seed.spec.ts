import { ECHO_MODEL_ID } from '@apilink/contracts';
import { EMBEDDING_MODELS } from './embedding-models';
import { buildSeed } from './build-seed';
import type { CatalogSourceRow } from './catalog-source';

const SOURCE = { name: 'models.dev', url: 'https://example.test', license: 'MIT', snapshot: '2026-07-02' };

function row(id: string, input: number, output: number): CatalogSourceRow {
  return {
    id,
    provider: id.split('/')[0],
    name: id,
    context_window: 1000,
    max_output_tokens: 100,
    max_input_tokens: null,
    input_price_per_mtok_usd: input,
    output_price_per_mtok_usd: output,
    cache_read_price_per_mtok_usd: null,
    cache_write_price_per_mtok_usd: null,
    reasoning_price_per_mtok_usd: null,
    modalities: ['text'],
    supports_tools: false,
    reasoning: false,
    status: 'ga',
    release_date: '2025-01-01',
  };
}

describe('buildSeed', () => {
  const first = buildSeed([row('openai/a', 1, 2), row('openai/b', 3, 4)], null, {
    effectiveFrom: '2026-01-01T00:00:00.000Z',
    source: SOURCE,
    corrections: [],
  });

  it('adds the built-in echo and embedding models before the imported ones', () => {
    expect(first.seed.models.map((m) => m.id)).toEqual([ECHO_MODEL_ID, ...EMBEDDING_MODELS.map((m) => m.id), 'openai/a', 'openai/b']);
    expect(first.added).toHaveLength(3 + EMBEDDING_MODELS.length);
  });

  it('keeps the old version when a re-import finds the same price', () => {
    const again = buildSeed([row('openai/a', 1, 2), row('openai/b', 3, 4)], first.seed, {
      effectiveFrom: '2026-02-01T00:00:00.000Z',
      source: SOURCE,
      corrections: [],
    });
    expect(again.seed).toEqual(first.seed);
    expect(again.repriced).toEqual([]);
  });

  it('appends a price version on a change and never rewrites the old one', () => {
    const next = buildSeed([row('openai/a', 1.5, 2), row('openai/b', 3, 4)], first.seed, {
      effectiveFrom: '2026-02-01T00:00:00.000Z',
      source: SOURCE,
      corrections: [],
    });
    const a = next.seed.models.find((m) => m.id === 'openai/a')!;
    expect(a.prices.map((p) => [p.effectiveFrom, p.inputMicrosPerMTok])).toEqual([
      ['2026-01-01T00:00:00.000Z', 1_000_000],
      ['2026-02-01T00:00:00.000Z', 1_500_000],
    ]);
    expect(next.repriced).toEqual(['openai/a']);
  });

  it('reports models that left the source', () => {
    const next = buildSeed([row('openai/a', 1, 2)], first.seed, {
      effectiveFrom: '2026-02-01T00:00:00.000Z',
      source: SOURCE,
      corrections: [],
    });
    expect(next.removed).toEqual(['openai/b']);
  });

  it('applies corrections to the source facts and reports the models they changed', () => {
    const corrected = buildSeed([row('openai/a', 1, 2), row('openai/b', 3, 4)], first.seed, {
      effectiveFrom: '2026-02-01T00:00:00.000Z',
      source: SOURCE,
      corrections: [{ modelId: 'openai/b', set: { supportsTools: true }, reason: 'documented upstream' }],
    });
    expect(corrected.seed.models.find((m) => m.id === 'openai/b')?.supportsTools).toBe(true);
    expect(corrected.seed.models.find((m) => m.id === 'openai/a')?.supportsTools).toBe(false);
    expect(corrected.corrected).toEqual(['openai/b']);
    expect(first.corrected).toEqual([]);
  });

  it('refuses a new price version dated before the latest one', () => {
    expect(() =>
      buildSeed([row('openai/a', 9, 9)], first.seed, { effectiveFrom: '2025-01-01T00:00:00.000Z', source: SOURCE, corrections: [] }),
    ).toThrow(/must start after/);
  });
});
