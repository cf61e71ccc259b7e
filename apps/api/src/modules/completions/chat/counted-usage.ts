import type { CompletionUsage } from '@apilink/contracts';
import { countedUsageOf } from '../billing/billed-usage';
import type { CompletionContext } from '../completion-context';

/** Usage for a client when the upstream reported none: the counted prompt and delivered output, like the bill. */
export function countedUsage(context: CompletionContext): CompletionUsage {
  return countedUsageOf(context.admitted, context.outcome.delivered);
}
