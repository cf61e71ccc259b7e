import type { StopReason } from '../wire/anthropic-messages.types';

/** OpenAI's finish_reason as Anthropic's stop_reason. */
export function stopReasonOf(finishReason: string | null | undefined): StopReason {
  switch (finishReason) {
    case 'length':
      return 'max_tokens';
    case 'tool_calls':
    case 'function_call':
      return 'tool_use';
    case 'content_filter':
      return 'refusal';
    default:
      return 'end_turn';
  }
}
