import type { TokenPrices } from './token-prices';
import { actualCostMicros, estimateHoldMicros } from './completion-cost';

const PRICES: TokenPrices = {
  input: 3_000_000n,
  output: 15_000_000n,
  cachedInput: 300_000n,
  cacheWrite: 3_750_000n,
  reasoning: 15_000_000n,
};

describe('completion cost', () => {
  it('holds the whole prompt plus every allowed output token', () => {
    // 1000 × $3/M = 3000 µ$; 500 × $15/M = 7500 µ$
    expect(estimateHoldMicros(PRICES, 1000, 500)).toBe(10_500n);
  });

  it('holds output at the reasoning price when that is higher', () => {
    expect(estimateHoldMicros({ ...PRICES, reasoning: 30_000_000n }, 0, 100)).toBe(3_000n);
  });

  it('prices cached, cache-write and reasoning tokens apart from the plain ones', () => {
    const cost = actualCostMicros(PRICES, {
      promptTokens: 1000,
      cachedTokens: 600,
      cacheWriteTokens: 100,
      completionTokens: 200,
      reasoningTokens: 0,
    });
    // 300 plain × 3 = 900; 600 cached × 0.3 = 180; 100 writes × 3.75 = 375; 200 out × 15 = 3000
    expect(cost).toBe(900n + 180n + 375n + 3000n);
  });

  it('rounds each component up once: one token of a cheap model still costs 1 µ$', () => {
    expect(
      actualCostMicros(PRICES, { promptTokens: 1, cachedTokens: 0, cacheWriteTokens: 0, completionTokens: 0, reasoningTokens: 0 }),
    ).toBe(3n);
    expect(
      actualCostMicros(
        { ...PRICES, input: 150_000n },
        { promptTokens: 1, cachedTokens: 0, cacheWriteTokens: 0, completionTokens: 0, reasoningTokens: 0 },
      ),
    ).toBe(1n);
  });

  it('clamps parts larger than their whole instead of billing them twice', () => {
    const cost = actualCostMicros(PRICES, {
      promptTokens: 10,
      cachedTokens: 50,
      cacheWriteTokens: 50,
      completionTokens: 10,
      reasoningTokens: 99,
    });
    expect(cost).toBe(3n + 150n);
  });
});
