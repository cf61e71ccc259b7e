/**
 * Gemini counts thinking outside candidatesTokenCount and tool-use prompt tokens outside
 * promptTokenCount; OpenAI's totals include both, so they are added back here.
 */
import { isObject } from '../shared/json';
import { buildUpstreamUsage, tokenCount } from '../shared/usage';
import type { UpstreamUsage } from '../upstream-adapter';

export function readGeminiUsage(raw: unknown): UpstreamUsage | null {
  if (!isObject(raw)) return null;
  const thoughts = tokenCount(raw.thoughtsTokenCount);
  return buildUpstreamUsage({
    promptTokens: tokenCount(raw.promptTokenCount) + tokenCount(raw.toolUsePromptTokenCount),
    completionTokens: tokenCount(raw.candidatesTokenCount) + thoughts,
    cachedTokens: tokenCount(raw.cachedContentTokenCount),
    reasoningTokens: thoughts,
    cacheWriteTokens: 0,
  });
}
