import type { ModelPriceVersion } from './price-version';
import { priceAt } from './price-at';
import { tokenPricesFor } from './token-prices';

function version(overrides: Partial<ModelPriceVersion> = {}): ModelPriceVersion {
  return {
    effectiveFrom: new Date('2026-01-01T00:00:00Z'),
    inputMicrosPerMTok: 1_250_000n,
    outputMicrosPerMTok: 10_000_000n,
    cachedInputMicrosPerMTok: null,
    cacheWriteMicrosPerMTok: null,
    reasoningMicrosPerMTok: null,
    longContextTiers: [],
    ...overrides,
  };
}

describe('tokenPricesFor', () => {
  it('falls back to the input price for cached input and cache writes, to output for reasoning', () => {
    expect(tokenPricesFor(version(), 10)).toEqual({
      input: 1_250_000n,
      output: 10_000_000n,
      cachedInput: 1_250_000n,
      cacheWrite: 1_250_000n,
      reasoning: 10_000_000n,
    });
  });

  it('applies a long-context tier to the whole request above its threshold only', () => {
    const tiered = version({
      cachedInputMicrosPerMTok: 125_000n,
      longContextTiers: [
        { aboveInputTokens: 200_000, inputMicrosPerMTok: 2_500_000n, outputMicrosPerMTok: 15_000_000n, cachedInputMicrosPerMTok: null },
      ],
    });
    expect(tokenPricesFor(tiered, 200_000)).toMatchObject({ input: 1_250_000n, output: 10_000_000n });
    expect(tokenPricesFor(tiered, 200_001)).toMatchObject({ input: 2_500_000n, output: 15_000_000n, cachedInput: 2_500_000n });
  });
});

describe('priceAt', () => {
  const model = {
    prices: [
      version({ effectiveFrom: new Date('2026-01-01T00:00:00Z'), inputMicrosPerMTok: 1n }),
      version({ effectiveFrom: new Date('2026-06-01T00:00:00Z'), inputMicrosPerMTok: 2n }),
    ],
  };

  it('picks the latest version already in force', () => {
    expect(priceAt(model, new Date('2026-03-01T00:00:00Z'))?.inputMicrosPerMTok).toBe(1n);
    expect(priceAt(model, new Date('2026-06-01T00:00:00Z'))?.inputMicrosPerMTok).toBe(2n);
  });

  it('returns null before the first version (an unpriced model is not sold)', () => {
    expect(priceAt(model, new Date('2025-12-31T00:00:00Z'))).toBeNull();
  });
});
