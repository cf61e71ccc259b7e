/**
 * An upstream's streamed answer as events (OpenAI chunks for chat): raw bytes are decoded and fed
 * to the codec's stateful parser piece by piece, so each event is available the moment its bytes arrive.
 */
import type { UpstreamUsage } from '../adapters/upstream-adapter';
import type { CodecEventParser } from '../pipeline/upstream-codec';
import { UpstreamFailure } from '../errors/upstream-failure';
import type { UpstreamResponse } from '../transport/upstream-transport';

export class UpstreamChunkStream<TEvent> {
  private readonly decoder = new TextDecoder();
  private readonly iterator: AsyncIterator<Uint8Array>;
  private ended = false;

  constructor(
    private readonly response: UpstreamResponse,
    private readonly parser: CodecEventParser<TEvent>,
    private readonly signal: AbortSignal,
  ) {
    this.iterator = response.body[Symbol.asyncIterator]();
  }

  /** Usage the upstream reported so far (complete once the stream ended). */
  get usage(): UpstreamUsage | null {
    return this.parser.usage;
  }

  /**
   * The chunks completed by the next piece of bytes ([] when it completed none), or null once the
   * upstream finished. Throws the parser's errors, UpstreamFailure when the connection breaks.
   */
  async next(): Promise<TEvent[] | null> {
    if (this.ended) return null;
    let result: IteratorResult<Uint8Array>;
    try {
      result = await this.iterator.next();
    } catch (error) {
      if (this.signal.aborted) throw this.signal.reason;
      throw new UpstreamFailure(`Upstream connection lost: ${(error as Error).message}`, 'read');
    }
    if (result.done) {
      this.ended = true;
      const tail = this.decoder.decode();
      return tail ? [...this.parser.push(tail), ...this.parser.end()] : this.parser.end();
    }
    return this.parser.push(this.decoder.decode(result.value, { stream: true }));
  }

  /** Reads up to the first chunk; until it is written to the client, a failure can still fail over. */
  async first(): Promise<TEvent[] | null> {
    for (;;) {
      const batch = await this.next();
      if (batch === null || batch.length > 0) return batch;
    }
  }

  discard(): void {
    this.ended = true;
    this.response.discard();
  }
}
