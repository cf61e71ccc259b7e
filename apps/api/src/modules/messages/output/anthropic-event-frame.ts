import type { StreamEvent } from '../wire/anthropic-messages.types';

/** One Anthropic SSE event: its type is also the `event:` name. */
export function anthropicEventFrame(event: StreamEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
