/** An OpenAI Response's `usage` as billing reads it: cached input and reasoning output are inside the totals, as in chat. */
import { isObject } from '../../completions/adapters/shared/json';
import { buildUpstreamUsage, tokenCount } from '../../completions/adapters/shared/usage';
import type { UpstreamUsage } from '../../completions/adapters/upstream-adapter';

export function responsesUpstreamUsage(raw: unknown): UpstreamUsage | null {
  if (!isObject(raw)) return null;
  const input = isObject(raw.input_tokens_details) ? raw.input_tokens_details : {};
  const output = isObject(raw.output_tokens_details) ? raw.output_tokens_details : {};
  return buildUpstreamUsage({
    promptTokens: tokenCount(raw.input_tokens),
    completionTokens: tokenCount(raw.output_tokens),
    cachedTokens: tokenCount(input.cached_tokens),
    reasoningTokens: tokenCount(output.reasoning_tokens),
    cacheWriteTokens: 0,
  });
}
