import type { CompletionContext } from '../../completions/completion-context';

/** The client's stop sequences, from the chat form of its request (`stop_sequences` became `stop`). */
export function stopSequencesOf(context: CompletionContext): string[] {
  const { stop } = context.request;
  if (stop === undefined || stop === null) return [];
  return typeof stop === 'string' ? [stop] : stop;
}
