import type { ModelPriceVersion } from './price-version';

/** What each kind of token costs for one request, micro-USD per 1M tokens, with every fallback applied. */
export interface TokenPrices {
  input: bigint;
  output: bigint;
  cachedInput: bigint;
  cacheWrite: bigint;
  reasoning: bigint;
}

/**
 * Prices for a request with `promptTokens` input tokens. Long-context tiers price the whole request
 * (as Google and OpenAI bill them) once the input passes their threshold; the highest passed tier wins.
 * Missing cached/cache-write prices fall back to the input price, reasoning to the output price.
 */
export function tokenPricesFor(version: ModelPriceVersion, promptTokens: number): TokenPrices {
  let input = version.inputMicrosPerMTok;
  let output = version.outputMicrosPerMTok;
  let cachedInput = version.cachedInputMicrosPerMTok;
  for (const tier of version.longContextTiers) {
    if (promptTokens > tier.aboveInputTokens) {
      input = tier.inputMicrosPerMTok;
      output = tier.outputMicrosPerMTok;
      // A tier without a cached price bills cached input at the tier's input price, like the base does.
      cachedInput = tier.cachedInputMicrosPerMTok;
    }
  }
  return {
    input,
    output,
    cachedInput: cachedInput ?? input,
    cacheWrite: version.cacheWriteMicrosPerMTok ?? input,
    reasoning: version.reasoningMicrosPerMTok ?? output,
  };
}
