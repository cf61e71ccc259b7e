import type { CompletionContext } from '../../completions/completion-context';

/** `msg_` and the request's completion id, so the message and the usage row share one identity. */
export function messageIdOf(context: CompletionContext): string {
  return `msg_${context.response.id.replace(/^chatcmpl-/, '')}`;
}
