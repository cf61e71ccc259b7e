import type { CatalogSourceRow } from './catalog-source';
import { disabledReason, mapSourceRow, priceFacts, releaseTimestamp } from './seed-model.mapper';

function row(overrides: Partial<CatalogSourceRow> = {}): CatalogSourceRow {
  return {
    id: 'together/meta-llama/Llama-3.3-70B-Instruct-Turbo',
    provider: 'together',
    name: 'Llama 3.3 70B',
    context_window: 131072,
    max_output_tokens: 8192,
    max_input_tokens: null,
    input_price_per_mtok_usd: 0.88,
    output_price_per_mtok_usd: 0.88,
    cache_read_price_per_mtok_usd: null,
    cache_write_price_per_mtok_usd: null,
    reasoning_price_per_mtok_usd: null,
    modalities: ['text'],
    supports_tools: true,
    reasoning: false,
    status: 'ga',
    release_date: '2024-12-06',
    ...overrides,
  };
}

describe('mapSourceRow', () => {
  it('splits the upstream id on the first slash only', () => {
    const model = mapSourceRow(row(), 0);
    expect(model.provider).toBe('together');
    expect(model.upstreamModel).toBe('meta-llama/Llama-3.3-70B-Instruct-Turbo');
    expect(model.ownedBy).toBe('together');
  });

  it('derives vision from an image input modality', () => {
    expect(mapSourceRow(row({ modalities: ['text', 'image'] }), 0).supportsVision).toBe(true);
    expect(mapSourceRow(row({ modalities: ['text', 'audio'] }), 0).supportsVision).toBe(false);
  });

  it('disables models priced $0 upstream instead of selling them free', () => {
    const model = mapSourceRow(row({ input_price_per_mtok_usd: 0, output_price_per_mtok_usd: 0 }), 0);
    expect(model.enabled).toBe(false);
    expect(model.disabledReason).toMatch(/\$0/);
  });

  it('disables models with per-request or citation fees', () => {
    expect(disabledReason(row({ extra_costs: { citation: 2, request: 5 } }))).toMatch(/citation and request/);
    expect(disabledReason(row({ extra_costs: { input_audio: 1 } }))).toBeNull();
  });
});

describe('priceFacts', () => {
  it('converts USD per 1M tokens to integer micro-USD exactly', () => {
    const facts = priceFacts(row({ input_price_per_mtok_usd: 0.375, output_price_per_mtok_usd: 600, reasoning_price_per_mtok_usd: 8.4 }));
    expect(facts).toMatchObject({ inputMicrosPerMTok: 375_000, outputMicrosPerMTok: 600_000_000, reasoningMicrosPerMTok: 8_400_000 });
  });

  it('refuses prices finer than a micro-dollar', () => {
    expect(() => priceFacts(row({ input_price_per_mtok_usd: 0.0000001 }))).toThrow(/precision/);
  });

  it('reads non-standard cache keys when the standard ones are absent', () => {
    const facts = priceFacts(row({ extra_costs: { cached_input: 0.03, cached_write: 0.375 } }));
    expect(facts.cachedInputMicrosPerMTok).toBe(30_000);
    expect(facts.cacheWriteMicrosPerMTok).toBe(375_000);
  });

  it('treats a $0 cache read on a paid model as unknown (billed at the input price)', () => {
    expect(priceFacts(row({ cache_read_price_per_mtok_usd: 0 })).cachedInputMicrosPerMTok).toBeNull();
  });

  it('keeps long-context tiers', () => {
    const facts = priceFacts(
      row({ long_context_pricing: [{ above_input_tokens: 200_000, input_price_per_mtok_usd: 2.5, output_price_per_mtok_usd: 15 }] }),
    );
    expect(facts.longContextTiers).toEqual([
      { aboveInputTokens: 200_000, inputMicrosPerMTok: 2_500_000, outputMicrosPerMTok: 15_000_000, cachedInputMicrosPerMTok: null },
    ]);
  });
});

describe('releaseTimestamp', () => {
  it('reads full dates and month-only dates', () => {
    expect(releaseTimestamp('2024-12-06', 0)).toBe(Date.UTC(2024, 11, 6) / 1000);
    expect(releaseTimestamp('2025-01', 0)).toBe(Date.UTC(2025, 0, 1) / 1000);
    expect(releaseTimestamp(null, 42)).toBe(42);
  });
});
