/**
 * Usage in Anthropic's shape, with `cost`: input_tokens excludes cache reads and writes, which
 * Anthropic reports apart. Without upstream usage it is the count the bill uses.
 */
import type { UpstreamUsage } from '../../completions/adapters/upstream-adapter';
import { billedUsage } from '../../completions/billing/billed-usage';
import { usageCostUsd } from '../../completions/billing/usage-cost';
import type { CompletionContext } from '../../completions/completion-context';
import type { MessageUsage } from '../wire/anthropic-messages.types';

export function messageUsage(usage: UpstreamUsage | null, context: CompletionContext): MessageUsage {
  const billed = billedUsage(context.admitted, { usage, delivered: context.outcome.delivered });
  const { completionUsage, cacheWriteTokens } = billed;
  const cacheRead = completionUsage.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    input_tokens: Math.max(0, completionUsage.prompt_tokens - cacheRead - cacheWriteTokens),
    output_tokens: completionUsage.completion_tokens,
    cache_creation_input_tokens: cacheWriteTokens,
    cache_read_input_tokens: cacheRead,
    cost: usageCostUsd(context.admitted, billed),
  };
}
