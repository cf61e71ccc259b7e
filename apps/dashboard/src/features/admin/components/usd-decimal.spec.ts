import { describe, expect, it } from 'vitest';
import { microsToUsdDecimal, usdInputToDecimal } from './usd-decimal';

describe('USD decimals for the staff API', () => {
  it('turns micro-USD into the shortest exact decimal string', () => {
    expect(microsToUsdDecimal('2500000')).toBe('2.5');
    expect(microsToUsdDecimal(10_000_000n)).toBe('10');
    expect(microsToUsdDecimal(-3_500_000n)).toBe('-3.5');
    expect(microsToUsdDecimal('1')).toBe('0.000001');
  });

  it('reads what a person types, or says it is not an amount', () => {
    expect(usdInputToDecimal('$1,000.50')).toBe('1000.5');
    expect(usdInputToDecimal('0.15')).toBe('0.15');
    expect(usdInputToDecimal('1.1234567')).toBeNull();
    expect(usdInputToDecimal('ten')).toBeNull();
  });
});
