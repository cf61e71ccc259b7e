import type { TokenBreakdown } from '../../billing/pricing/completion-cost';
import type { UpstreamUsage } from '../adapters/upstream-adapter';

/** The token counts pricing needs, read from an upstream's usage (OpenAI's shape plus cache writes). */
export function breakdownOf(usage: UpstreamUsage): TokenBreakdown {
  const { completionUsage } = usage;
  return {
    promptTokens: completionUsage.prompt_tokens,
    completionTokens: completionUsage.completion_tokens,
    cachedTokens: completionUsage.prompt_tokens_details?.cached_tokens ?? 0,
    cacheWriteTokens: usage.cacheWriteTokens,
    reasoningTokens: completionUsage.completion_tokens_details?.reasoning_tokens ?? 0,
  };
}
