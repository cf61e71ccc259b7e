/**
 * The usage a successful request is billed for — the upstream's, or, when it reported none, the
 * counted prompt plus the counted output that reached the client — and the same usage as clients
 * see it, with its cost. Settlement and every response read it here, so `usage.cost` is exactly
 * the charge.
 */
import type { CompletionUsage } from '@apilink/contracts';
import type { AdmittedRequest } from '../admission/request-admission';
import type { UpstreamUsage } from '../adapters/upstream-adapter';
import type { CompletionOutcome } from './completion-settlement';
import type { DeliveredOutput } from './delivered-output';
import { usageCostUsd } from './usage-cost';
import { extend } from '../../../common/objects/extend';

/** The counted usage: the admitted prompt and the output tokens delivered. */
export function countedUsageOf(admitted: AdmittedRequest, delivered: DeliveredOutput): CompletionUsage {
  const completionTokens = delivered.countTokens();
  return {
    prompt_tokens: admitted.promptTokens,
    completion_tokens: completionTokens,
    total_tokens: admitted.promptTokens + completionTokens,
  };
}

export function billedUsage(admitted: AdmittedRequest, outcome: Pick<CompletionOutcome, 'usage' | 'delivered'>): UpstreamUsage {
  return outcome.usage ?? { completionUsage: countedUsageOf(admitted, outcome.delivered), cacheWriteTokens: 0 };
}

/** The billed usage in OpenAI's shape plus `cost`, for a response or a stream's usage chunk. */
export function clientUsage(admitted: AdmittedRequest, outcome: Pick<CompletionOutcome, 'usage' | 'delivered'>): CompletionUsage {
  const billed = billedUsage(admitted, outcome);
  return extend(billed.completionUsage, { cost: usageCostUsd(admitted, billed) });
}
