/** Turns upstream token counts into the OpenAI usage shape plus the billing-only breakdown. */
import type { UpstreamUsage } from '../upstream-adapter';

export interface TokenCounts {
  /** All input tokens, cached ones included. */
  promptTokens: number;
  /** All output tokens, reasoning included. */
  completionTokens: number;
  cachedTokens: number;
  reasoningTokens: number;
  cacheWriteTokens: number;
}

export function buildUpstreamUsage(counts: TokenCounts): UpstreamUsage {
  return {
    completionUsage: {
      prompt_tokens: counts.promptTokens,
      completion_tokens: counts.completionTokens,
      total_tokens: counts.promptTokens + counts.completionTokens,
      prompt_tokens_details: { cached_tokens: counts.cachedTokens },
      completion_tokens_details: { reasoning_tokens: counts.reasoningTokens },
    },
    cacheWriteTokens: counts.cacheWriteTokens,
  };
}

/** Reads a token count, treating anything but a non-negative integer as absent (0). */
export function tokenCount(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}
