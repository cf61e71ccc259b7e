import { costFor } from './cost-calculator';

describe('costFor', () => {
  it('charges exactly tokens × price / 1M when that is a whole number of micro-USD', () => {
    // 1,000 tokens at $2.50 per 1M tokens = $0.0025 = 2,500 micro-USD.
    expect(costFor(1_000, 2_500_000n)).toBe(2_500n);
    expect(costFor(1_000_000, 15_000_000n)).toBe(15_000_000n);
  });

  it('rounds a fractional micro-USD up, never down', () => {
    // 1 token at $0.15 per 1M = 0.15 micro-USD → 1.
    expect(costFor(1, 150_000n)).toBe(1n);
    // 7 tokens at $0.15 per 1M = 1.05 micro-USD → 2.
    expect(costFor(7, 150_000n)).toBe(2n);
    // 999,999 tokens at 1 micro-USD per 1M = 0.999999 → 1.
    expect(costFor(999_999, 1n)).toBe(1n);
    expect(costFor(1_000_001, 1n)).toBe(2n);
  });

  it('charges nothing for zero tokens or a zero price', () => {
    expect(costFor(0, 10_000_000n)).toBe(0n);
    expect(costFor(12_345, 0n)).toBe(0n);
  });

  it('stays exact far beyond the range of floats', () => {
    const tokens = 2n ** 60n;
    const price = 75_000_000n;
    expect(costFor(tokens, price)).toBe((tokens * price + 999_999n) / 1_000_000n);
    expect(costFor(Number.MAX_SAFE_INTEGER, 1_000_000n)).toBe(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it('rounds each component separately, so the sum of parts may exceed the rounded whole', () => {
    const input = costFor(3, 150_000n); // 0.45 → 1
    const output = costFor(3, 150_000n); // 0.45 → 1
    expect(input + output).toBe(2n);
    expect(costFor(6, 150_000n)).toBe(1n); // 0.9 → 1
  });

  it('rejects negative or non-integer token counts and negative prices', () => {
    expect(() => costFor(-1, 1n)).toThrow(RangeError);
    expect(() => costFor(1.5, 1n)).toThrow(RangeError);
    expect(() => costFor(Number.NaN, 1n)).toThrow(RangeError);
    expect(() => costFor(-1n, 1n)).toThrow(RangeError);
    expect(() => costFor(1, -1n)).toThrow(RangeError);
  });
});
