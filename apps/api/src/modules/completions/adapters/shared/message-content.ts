/** Reads text out of OpenAI message content, which may be a string or an array of parts. */
import type { ChatCompletionContentPart } from '@apilink/contracts';

export function contentText(content: string | readonly ChatCompletionContentPart[] | null | undefined): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content
    .filter((part): part is Extract<ChatCompletionContentPart, { type: 'text' }> => part.type === 'text')
    .map((part) => part.text)
    .join('');
}
