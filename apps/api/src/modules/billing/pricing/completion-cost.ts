/**
 * Costs of a completion in micro-USD, each component priced with the one rounding rule
 * (costFor) and then added, never rounded again.
 */
import { costFor } from './cost-calculator';
import type { ModelPriceVersion } from './price-version';
import { tokenPricesFor, type TokenPrices } from './token-prices';

/** Worst case, held before the upstream call: the whole prompt plus every output token allowed. */
export function estimateHoldMicros(prices: TokenPrices, promptTokens: number, maxOutputTokens: number): bigint {
  const outputPrice = prices.reasoning > prices.output ? prices.reasoning : prices.output;
  return costFor(promptTokens, prices.input) + costFor(maxOutputTokens, outputPrice);
}

export interface TokenBreakdown {
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
}

/**
 * The actual cost. Cached and cache-write tokens are part of prompt_tokens and reasoning tokens part
 * of completion_tokens; each is priced at its own rate and the rest at the plain rate. Inconsistent
 * upstream counts (parts larger than the whole) are clamped so nothing is billed twice.
 */
export function actualCostMicros(prices: TokenPrices, tokens: TokenBreakdown): bigint {
  const cached = Math.min(tokens.cachedTokens, tokens.promptTokens);
  const cacheWrite = Math.min(tokens.cacheWriteTokens, tokens.promptTokens - cached);
  const plainInput = tokens.promptTokens - cached - cacheWrite;
  const reasoning = Math.min(tokens.reasoningTokens, tokens.completionTokens);
  const plainOutput = tokens.completionTokens - reasoning;
  return (
    costFor(plainInput, prices.input) +
    costFor(cached, prices.cachedInput) +
    costFor(cacheWrite, prices.cacheWrite) +
    costFor(plainOutput, prices.output) +
    costFor(reasoning, prices.reasoning)
  );
}

/** The actual cost at a price version (its long-context tier chosen by the prompt's size). */
export function usageCostMicros(price: ModelPriceVersion, tokens: TokenBreakdown): bigint {
  return actualCostMicros(tokenPricesFor(price, tokens.promptTokens), tokens);
}
