import type { CompletionUsage } from '@apilink/contracts';
import type { CompletionContext } from '../completion-context';

/** Usage for a client when the upstream reported none: the counted prompt and delivered output, like the bill. */
export function countedUsage(context: CompletionContext): CompletionUsage {
  const completion = context.outcome.delivered.countTokens();
  return {
    prompt_tokens: context.admitted.promptTokens,
    completion_tokens: completion,
    total_tokens: context.admitted.promptTokens + completion,
  };
}
