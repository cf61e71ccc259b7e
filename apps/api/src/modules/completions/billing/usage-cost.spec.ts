import type { ModelPriceVersion } from '../../billing/pricing/price-version';
import { buildUpstreamUsage } from '../adapters/shared/usage';
import type { AdmittedRequest } from '../admission/request-admission';
import { usageCostUsd } from './usage-cost';

const PRICE: ModelPriceVersion = {
  effectiveFrom: new Date(0),
  inputMicrosPerMTok: 3_000_000n,
  outputMicrosPerMTok: 15_000_000n,
  cachedInputMicrosPerMTok: 300_000n,
  cacheWriteMicrosPerMTok: 3_750_000n,
  reasoningMicrosPerMTok: null,
  longContextTiers: [],
};
const admitted = { active: { price: PRICE } } as unknown as AdmittedRequest;

describe('usageCostUsd', () => {
  it('prices plain, cached and cache-write input apart and shows micro-dollars', () => {
    const usage = buildUpstreamUsage({
      promptTokens: 1000,
      completionTokens: 200,
      cachedTokens: 600,
      reasoningTokens: 0,
      cacheWriteTokens: 100,
    });
    // 300 plain × 3 = 900 µ$; 600 cached × 0.3 = 180; 100 writes × 3.75 = 375; 200 out × 15 = 3000
    expect(usageCostUsd(admitted, usage)).toBe('0.004455');
  });

  it('shows a free request as zero with six decimals', () => {
    const usage = buildUpstreamUsage({ promptTokens: 0, completionTokens: 0, cachedTokens: 0, reasoningTokens: 0, cacheWriteTokens: 0 });
    expect(usageCostUsd(admitted, usage)).toBe('0.000000');
  });
});
