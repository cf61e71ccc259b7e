/**
 * Shared skeleton of every upstream stream reader (the chat-chunk parsers and the Messages and
 * Responses passthroughs): SSE framing, the push/end loop and the truncation check live here;
 * a subclass says only what one event means and when the stream is complete.
 */
import type { UpstreamUsage } from '../upstream-adapter';
import { SseDecoder, type SseEvent } from './sse-decoder';

export abstract class SseEventParser<TEvent> {
  private readonly decoder = new SseDecoder();

  abstract readonly usage: UpstreamUsage | null;

  push(text: string): TEvent[] {
    return this.readEvents(this.decoder.push(text));
  }

  end(): TEvent[] {
    const out = this.readEvents(this.decoder.end());
    this.assertComplete();
    return out;
  }

  /** Appends what one upstream event becomes for the client (nothing, one event or several) to `out`. */
  protected abstract readEvent(event: SseEvent, out: TEvent[]): void;

  /** Throws UpstreamProtocolError when the upstream closed before its terminal event. */
  protected abstract assertComplete(): void;

  // A plain loop into one array: no closure or intermediate array per pushed piece of text.
  private readEvents(events: SseEvent[]): TEvent[] {
    const out: TEvent[] = [];
    for (let i = 0; i < events.length; i++) this.readEvent(events[i], out);
    return out;
  }
}
