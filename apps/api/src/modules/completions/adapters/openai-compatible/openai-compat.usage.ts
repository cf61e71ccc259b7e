/** Normalises the usage objects OpenAI-compatible providers report into one billing-safe shape. */
import { isObject, type JsonObject } from '../shared/json';
import { buildUpstreamUsage, tokenCount } from '../shared/usage';
import type { UpstreamUsage } from '../upstream-adapter';
import type { OpenAiCompatQuirks } from '../../../upstreams/providers/openai-compat.quirks';

export function normalizeOpenAiUsage(raw: unknown, quirks: OpenAiCompatQuirks): UpstreamUsage | null {
  if (!isObject(raw)) return null;
  const promptDetails: JsonObject = isObject(raw.prompt_tokens_details) ? raw.prompt_tokens_details : {};
  const completionDetails: JsonObject = isObject(raw.completion_tokens_details) ? raw.completion_tokens_details : {};
  const reasoningTokens = tokenCount(completionDetails.reasoning_tokens);
  const completionTokens = tokenCount(raw.completion_tokens);
  return buildUpstreamUsage({
    promptTokens: tokenCount(raw.prompt_tokens),
    completionTokens: quirks.reasoningTokensOutsideCompletion ? completionTokens + reasoningTokens : completionTokens,
    // DeepSeek reports cache hits as prompt_cache_hit_tokens rather than in the details object.
    cachedTokens: tokenCount(promptDetails.cached_tokens ?? raw.prompt_cache_hit_tokens),
    reasoningTokens,
    cacheWriteTokens: 0,
  });
}

/** Where a stream chunk carries usage: OpenAI's `usage`, or Groq's legacy `x_groq.usage`. */
export function chunkUsage(chunk: JsonObject): unknown {
  if (isObject(chunk.usage)) return chunk.usage;
  if (isObject(chunk.x_groq) && isObject(chunk.x_groq.usage)) return chunk.x_groq.usage;
  return undefined;
}
