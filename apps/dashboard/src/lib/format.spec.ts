import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, formatUsd, formatUsdCents, parseUsdInput } from './format';

describe('money formatting', () => {
  it('shows micro-USD exactly, trimming zeros beyond the cents', () => {
    expect(formatUsd('25000000')).toBe('$25.00');
    expect(formatUsd('24999993')).toBe('$24.999993');
    expect(formatUsd('7')).toBe('$0.000007');
    expect(formatUsd(-1_500_000n)).toBe('-$1.50');
    expect(formatUsd('1234567890000')).toBe('$1,234,567.89');
  });

  it('rounds to whole cents only where cents are meant', () => {
    expect(formatUsdCents('5000000')).toBe('$5.00');
    expect(formatUsdCents('4999995')).toBe('$5.00');
    expect(formatUsdCents('1004999')).toBe('$1.00');
  });

  it("shows balances to the cent in the reader's locale, and a tiny non-zero amount as under a cent", () => {
    expect(formatMoney('24999985', 'en-US')).toBe('$25.00');
    expect(formatMoney('24994999', 'en-US')).toBe('$24.99');
    expect(formatMoney('1234567890000', 'en-US')).toBe('$1,234,567.89');
    expect(formatMoney('1234567890000', 'de-DE')).toBe('1.234.567,89\u00a0$');
    expect(formatMoney('15', 'en-US')).toBe('<$0.01');
    expect(formatMoney('0', 'en-US')).toBe('$0.00');
    expect(formatMoney(-2_500_000n, 'en-US')).toBe('-$2.50');
  });

  it('parses what people type into micro-USD, and rejects the rest', () => {
    expect(parseUsdInput('25')).toBe(25_000_000n);
    expect(parseUsdInput('$1,000.5')).toBe(1_000_500_000n);
    expect(parseUsdInput('0.000001')).toBe(1n);
    expect(parseUsdInput('1e3')).toBeNull();
    expect(parseUsdInput('-5')).toBeNull();
    expect(parseUsdInput('')).toBeNull();
  });

  it('pluralises counts', () => {
    expect(formatCount(1, 'request')).toBe('1 request');
    expect(formatCount(1204, 'request')).toBe('1,204 requests');
  });
});
