import { formatUsd, formatUsdForPeople, parseUsd } from './usd-amount';

describe('formatUsd', () => {
  it('prints micro-USD as USD with six decimals', () => {
    expect(formatUsd(0n)).toBe('0.000000');
    expect(formatUsd(1n)).toBe('0.000001');
    expect(formatUsd(5_000_000n)).toBe('5.000000');
    expect(formatUsd(12_345_678n)).toBe('12.345678');
    expect(formatUsd(-1_500_000n)).toBe('-1.500000');
    expect(formatUsd(-1n)).toBe('-0.000001');
  });

  it('stays exact beyond 2^53', () => {
    expect(formatUsd(9_007_199_254_740_993n)).toBe('9007199254.740993');
  });
});

describe('parseUsd', () => {
  it('reads whole and decimal amounts exactly', () => {
    expect(parseUsd('25')).toBe(25_000_000n);
    expect(parseUsd('25.5')).toBe(25_500_000n);
    expect(parseUsd('25.50', 2)).toBe(25_500_000n);
    expect(parseUsd('0.000001')).toBe(1n);
    expect(parseUsd('0.1', 2)).toBe(100_000n);
  });

  it('refuses more decimals than allowed, signs, exponents, blanks and junk', () => {
    for (const bad of ['25.505', '-5', '+5', '1e3', ' 5', '5 ', '', '.5', '5.', 'abc', '0x10', '1,000']) {
      expect(parseUsd(bad, 2)).toBeNull();
    }
    expect(parseUsd('0.0000001')).toBeNull();
  });

  it('round-trips with formatUsd', () => {
    for (const micros of [0n, 1n, 999_999n, 1_000_000n, 123_456_789n]) {
      expect(parseUsd(formatUsd(micros))).toBe(micros);
    }
  });
});

describe('formatUsdForPeople', () => {
  it('shows whole cents as they are', () => {
    expect(formatUsdForPeople(0n)).toBe('$0.00');
    expect(formatUsdForPeople(5_000_000n)).toBe('$5.00');
    expect(formatUsdForPeople(2_500_000n)).toBe('$2.50');
    expect(formatUsdForPeople(1_234_567_890_000n)).toBe('$1,234,567.89');
    expect(formatUsdForPeople(-1_500_000n)).toBe('-$1.50');
  });

  it('rounds to the cent (half away from zero) and gives the exact figure beside it', () => {
    expect(formatUsdForPeople(24_999_985n)).toBe('$25.00 (exactly $24.999985)');
    expect(formatUsdForPeople(24_994_999n)).toBe('$24.99 (exactly $24.994999)');
    expect(formatUsdForPeople(24_995_000n)).toBe('$25.00 (exactly $24.995000)');
    expect(formatUsdForPeople(-24_995_000n)).toBe('-$25.00 (exactly -$24.995000)');
  });

  it('says <$0.01 for an amount that rounds to no cents', () => {
    expect(formatUsdForPeople(15n)).toBe('<$0.01 (exactly $0.000015)');
    expect(formatUsdForPeople(-1n)).toBe('-<$0.01 (exactly -$0.000001)');
  });

  it('stays exact beyond 2^53', () => {
    expect(formatUsdForPeople(9_007_199_254_740_993n)).toBe('$9,007,199,254.74 (exactly $9007199254.740993)');
  });
});
