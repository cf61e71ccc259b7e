import type { JsonObject } from '../shared/json';

/**
 * The stop sequence that ended a choice, where an OpenAI-compatible server reports it: vLLM puts
 * the matched string in `stop_reason` (a number there is a stop token id), SGLang in
 * `matched_stop`. OpenAI itself only says `finish_reason: "stop"`, for a natural end and a stop
 * sequence alike. Read only on a choice that finished with "stop".
 */
export function matchedStopOf(raw: JsonObject, finishReason: string | null): string | undefined {
  if (finishReason !== 'stop') return undefined;
  const matched = typeof raw.stop_reason === 'string' ? raw.stop_reason : raw.matched_stop;
  return typeof matched === 'string' && matched !== '' ? matched : undefined;
}
