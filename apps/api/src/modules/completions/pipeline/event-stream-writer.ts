/** How a sink writes one streamed response; the pipeline drives it (see CompletionSink). */
import type { UpstreamUsage } from '../adapters/upstream-adapter';

export interface EventStreamWriter<TEvent> {
  /** True once the status line went out: later errors can only be reported in-band. */
  readonly headersSent: boolean;
  /** Starts keep-alive before the upstream is called, so silence is covered from the start. */
  startKeepAlive(): void;
  /** Writes one event; returns a promise only when the client reads slower than the upstream produces. */
  write(event: TEvent): Promise<void> | void;
  /** The upstream finished: write what closes the stream (usage, terminator) and end it. */
  end(usage: UpstreamUsage | null): void;
  /** Reports an error in-band (anything thrown: AppErrors keep their message) and ends the stream. */
  fail(error: unknown): void;
  /** Stops without writing anything more (the client left, or nothing was sent yet). */
  dispose(): void;
}
