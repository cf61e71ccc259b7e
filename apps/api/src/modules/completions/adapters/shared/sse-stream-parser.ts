/** The chat-chunk flavour of SseEventParser: each upstream event becomes zero or more OpenAI chunks. */
import type { ChatCompletionChunk } from '@apilink/contracts';
import type { UpstreamStreamParser } from '../upstream-adapter';
import type { SseEvent } from './sse-decoder';
import { SseEventParser } from './sse-event-parser';

export abstract class SseStreamParser extends SseEventParser<ChatCompletionChunk> implements UpstreamStreamParser {
  protected readEvent(event: SseEvent, out: ChatCompletionChunk[]): void {
    const chunks = this.onEvent(event);
    for (let i = 0; i < chunks.length; i++) out.push(chunks[i]);
  }

  protected abstract onEvent(event: SseEvent): ChatCompletionChunk[];
}
