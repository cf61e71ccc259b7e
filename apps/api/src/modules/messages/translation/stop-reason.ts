import type { StopReason } from '../wire/anthropic-messages.types';

/**
 * OpenAI's finish_reason as Anthropic's stop_reason and stop_sequence. A "stop" is `stop_sequence`
 * only where the upstream named the client's sequence that ended it (`matched_stop`: vLLM and
 * SGLang servers); OpenAI and Gemini report a stop sequence and a natural end alike, so those are
 * `end_turn`.
 */
export function stopReasonOf(
  finishReason: string | null | undefined,
  matchedStop?: string,
  stopSequences: readonly string[] = [],
): { stop_reason: StopReason; stop_sequence: string | null } {
  switch (finishReason) {
    case 'length':
      return { stop_reason: 'max_tokens', stop_sequence: null };
    case 'tool_calls':
    case 'function_call':
      return { stop_reason: 'tool_use', stop_sequence: null };
    case 'content_filter':
      return { stop_reason: 'refusal', stop_sequence: null };
    default:
      return matchedStop !== undefined && stopSequences.includes(matchedStop)
        ? { stop_reason: 'stop_sequence', stop_sequence: matchedStop }
        : { stop_reason: 'end_turn', stop_sequence: null };
  }
}
