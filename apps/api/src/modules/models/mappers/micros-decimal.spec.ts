import { microsPerMTokToUsdPerMTok, microsPerMTokToUsdPerToken } from './micros-decimal';

describe('micro-USD price strings', () => {
  it('prints USD per 1M tokens exactly', () => {
    expect(microsPerMTokToUsdPerMTok(2_500_000n)).toBe('2.5');
    expect(microsPerMTokToUsdPerMTok(600_000_000n)).toBe('600');
    expect(microsPerMTokToUsdPerMTok(30_000n)).toBe('0.03');
    expect(microsPerMTokToUsdPerMTok(0n)).toBe('0');
  });

  it('prints USD per token exactly, without exponent notation', () => {
    expect(microsPerMTokToUsdPerToken(2_500_000n)).toBe('0.0000025');
    expect(microsPerMTokToUsdPerToken(150_000n)).toBe('0.00000015');
    expect(microsPerMTokToUsdPerToken(1n)).toBe('0.000000000001');
    expect(microsPerMTokToUsdPerToken(600_000_000n)).toBe('0.0006');
  });
});
