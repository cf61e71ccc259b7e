import { parseSignedUsd, parseUnsignedUsd } from './signed-usd';

describe('parseSignedUsd', () => {
  it.each([
    ['25', 25_000_000n],
    ['-3.5', -3_500_000n],
    ['0.000001', 1n],
    ['-999999999.999999', -999_999_999_999_999n],
  ])('reads %s exactly', (text, micros) => {
    expect(parseSignedUsd(text)).toBe(micros);
  });

  it.each(['0', '-0.000000', '1e3', '+5', '1.0000001', '', '--1', ' 1'])('refuses %j', (text) => {
    expect(() => parseSignedUsd(text)).toThrow(/non-zero USD amount/);
  });
});

describe('parseUnsignedUsd', () => {
  it.each([
    ['25.5', 25_500_000n],
    ['0', 0n],
    ['0.000001', 1n],
  ])('reads %s exactly', (text, micros) => {
    expect(parseUnsignedUsd(text, 'initialCreditsUsd')).toBe(micros);
  });

  it.each(['-1', '1e3', '1.0000001', ''])('refuses %j, naming the field', (text) => {
    expect(() => parseUnsignedUsd(text, 'initialCreditsUsd')).toThrow(/initialCreditsUsd must be a USD amount/);
  });
});
