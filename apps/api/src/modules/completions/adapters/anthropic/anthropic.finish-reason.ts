import type { ChatCompletionFinishReason } from '@apilink/contracts';

const STOP_REASONS: Record<string, ChatCompletionFinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  pause_turn: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
};

/** Maps Anthropic's stop_reason; reasons added by Anthropic later read as a normal stop. */
export function mapAnthropicStopReason(reason: unknown): ChatCompletionFinishReason {
  return (typeof reason === 'string' && STOP_REASONS[reason]) || 'stop';
}
