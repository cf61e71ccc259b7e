/**
 * Anthropic reports uncached input, cache reads and cache writes as three disjoint counts; OpenAI's
 * prompt_tokens is their sum, with reads as cached_tokens. Writes stay visible to billing.
 */
import { isObject, type JsonObject } from '../shared/json';
import { buildUpstreamUsage, tokenCount } from '../shared/usage';
import type { UpstreamUsage } from '../upstream-adapter';

export interface AnthropicUsageCounts {
  inputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  outputTokens: number;
}

export function readAnthropicUsage(raw: unknown): AnthropicUsageCounts {
  const usage = isObject(raw) ? raw : {};
  return {
    inputTokens: tokenCount(usage.input_tokens),
    cacheReadTokens: tokenCount(usage.cache_read_input_tokens),
    cacheWriteTokens: tokenCount(usage.cache_creation_input_tokens),
    outputTokens: tokenCount(usage.output_tokens),
  };
}

export function toUpstreamUsage(counts: AnthropicUsageCounts): UpstreamUsage {
  return buildUpstreamUsage({
    promptTokens: counts.inputTokens + counts.cacheReadTokens + counts.cacheWriteTokens,
    completionTokens: counts.outputTokens,
    cachedTokens: counts.cacheReadTokens,
    // Anthropic does not split thinking tokens out of output_tokens.
    reasoningTokens: 0,
    cacheWriteTokens: counts.cacheWriteTokens,
  });
}

/** message_delta's counts are cumulative; input counts appear there only on newer API versions. */
export function mergeDeltaUsage(previous: AnthropicUsageCounts, raw: JsonObject): AnthropicUsageCounts {
  const latest = readAnthropicUsage(raw);
  return {
    inputTokens: 'input_tokens' in raw ? latest.inputTokens : previous.inputTokens,
    cacheReadTokens: 'cache_read_input_tokens' in raw ? latest.cacheReadTokens : previous.cacheReadTokens,
    cacheWriteTokens: 'cache_creation_input_tokens' in raw ? latest.cacheWriteTokens : previous.cacheWriteTokens,
    outputTokens: 'output_tokens' in raw ? latest.outputTokens : previous.outputTokens,
  };
}
