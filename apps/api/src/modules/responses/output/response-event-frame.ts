import type { ResponseStreamEvent } from '../wire/responses.types';

/** One Responses SSE event: its type is also the `event:` name, as OpenAI sends them. */
export function responseEventFrame(event: ResponseStreamEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
