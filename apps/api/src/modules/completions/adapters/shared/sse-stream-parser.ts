/** Shared skeleton of the protocol stream parsers: SSE framing here, event meaning in subclasses. */
import type { ChatCompletionChunk } from '@apilink/contracts';
import type { UpstreamStreamParser, UpstreamUsage } from '../upstream-adapter';
import { SseDecoder, type SseEvent } from './sse-decoder';

export abstract class SseStreamParser implements UpstreamStreamParser {
  private readonly decoder = new SseDecoder();

  abstract readonly usage: UpstreamUsage | null;

  push(text: string): ChatCompletionChunk[] {
    return this.decoder.push(text).flatMap((event) => this.onEvent(event));
  }

  end(): ChatCompletionChunk[] {
    const chunks = this.decoder.end().flatMap((event) => this.onEvent(event));
    this.assertComplete();
    return chunks;
  }

  protected abstract onEvent(event: SseEvent): ChatCompletionChunk[];

  /** Throws UpstreamProtocolError when the upstream closed before its terminal event. */
  protected abstract assertComplete(): void;
}
