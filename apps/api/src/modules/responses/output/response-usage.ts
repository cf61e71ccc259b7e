/** Usage in the Responses shape, with `cost`: the billed usage (the upstream's, or the gateway's count) and its price. */
import type { UpstreamUsage } from '../../completions/adapters/upstream-adapter';
import { billedUsage } from '../../completions/billing/billed-usage';
import { usageCostUsd } from '../../completions/billing/usage-cost';
import type { CompletionContext } from '../../completions/completion-context';
import type { ResponseUsage } from '../wire/responses.types';

export function responseUsage(usage: UpstreamUsage | null, context: CompletionContext): ResponseUsage {
  const billed = billedUsage(context.admitted, { usage, delivered: context.outcome.delivered });
  const { completionUsage, cacheWriteTokens } = billed;
  return {
    input_tokens: completionUsage.prompt_tokens,
    input_tokens_details: {
      cached_tokens: completionUsage.prompt_tokens_details?.cached_tokens ?? 0,
      cache_write_tokens: cacheWriteTokens,
    },
    output_tokens: completionUsage.completion_tokens,
    output_tokens_details: { reasoning_tokens: completionUsage.completion_tokens_details?.reasoning_tokens ?? 0 },
    total_tokens: completionUsage.prompt_tokens + completionUsage.completion_tokens,
    cost: usageCostUsd(context.admitted, billed),
  };
}
