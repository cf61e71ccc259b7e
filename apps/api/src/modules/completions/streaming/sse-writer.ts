/**
 * The one writer of `text/event-stream` responses. It owns the headers (sent with the first byte,
 * so errors before it are still plain HTTP errors), keep-alive frames whenever nothing was written
 * for the interval, one event per chunk written the moment it is produced, the in-band error
 * event, and the final frame. By default the frames are OpenAI's (`: keep-alive` comments,
 * `data:` events, `data: [DONE]`); other wire formats pass their own (see SseFrames).
 */
import type { ServerResponse } from 'node:http';
import type { ChatCompletionChunk, ErrorEnvelope } from '@apilink/contracts';
import type { FastifyReply } from 'fastify';

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  // nginx and similar proxies buffer responses unless told not to.
  'x-accel-buffering': 'no',
};

/** The fixed frames of one wire format. */
export interface SseFrames {
  /** Written whenever nothing was written for the keep-alive interval. */
  keepAlive: string;
  /** Written by end(); '' writes nothing (the last event already said the stream is complete). */
  done: string;
}

const OPENAI_FRAMES: SseFrames = { keepAlive: ': keep-alive\n\n', done: 'data: [DONE]\n\n' };

export class SseWriter {
  private started = false;
  private finished = false;
  private lastWriteAt = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private readonly raw: ServerResponse;

  constructor(
    private readonly reply: FastifyReply,
    private readonly keepAliveMs: number,
    private readonly frames: SseFrames = OPENAI_FRAMES,
  ) {
    this.raw = reply.raw;
    // A write racing a client disconnect must not crash the process; the request's abort handles it.
    this.raw.on('error', () => undefined);
  }

  /** True once the status line went out: later errors can only be reported in-band. */
  get headersSent(): boolean {
    return this.started;
  }

  /** Starts the keep-alive clock (before the upstream is called, so silence is covered from the start). */
  startKeepAlive(): void {
    this.lastWriteAt = Date.now();
    this.arm(this.keepAliveMs);
  }

  /** Writes one chunk; resolves at once unless the client reads slower than the upstream produces. */
  writeChunk(chunk: ChatCompletionChunk): Promise<void> | void {
    return this.write(`data: ${JSON.stringify(chunk)}\n\n`);
  }

  /** Writes one complete frame of another wire format (e.g. `event: x\ndata: {...}\n\n`). */
  writeFrame(frame: string): Promise<void> | void {
    return this.write(frame);
  }

  /** Reports an error in-band and ends the stream (no [DONE]: the stream did not complete). */
  fail(error: ErrorEnvelope): void {
    this.failWithFrame(`data: ${JSON.stringify(error)}\n\n`);
  }

  /** fail() with a frame of another wire format. */
  failWithFrame(frame: string): void {
    if (this.finished) return;
    void this.write(frame);
    this.finish();
  }

  end(): void {
    if (this.finished) return;
    if (this.frames.done) void this.write(this.frames.done);
    this.finish();
  }

  /** Stops the keep-alive clock without writing (the client went away). */
  dispose(): void {
    this.finished = true;
    this.disarm();
  }

  private write(data: string): Promise<void> | void {
    if (this.finished || this.raw.destroyed) return;
    this.start();
    this.lastWriteAt = Date.now();
    if (!this.raw.write(data)) return drained(this.raw);
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.reply.hijack();
    const headers = { ...(this.reply.getHeaders() as Record<string, string>), ...SSE_HEADERS };
    this.raw.writeHead(200, headers);
  }

  private finish(): void {
    this.finished = true;
    this.disarm();
    if (!this.raw.destroyed) this.raw.end();
  }

  private arm(delayMs: number): void {
    this.timer = setTimeout(() => this.onTimer(), delayMs);
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  // One timer for the whole stream, re-armed from the last write, so chunks cost no timer work.
  private onTimer(): void {
    if (this.finished) return;
    const silentFor = Date.now() - this.lastWriteAt;
    if (silentFor >= this.keepAliveMs) {
      void this.write(this.frames.keepAlive);
      this.arm(this.keepAliveMs);
    } else {
      this.arm(this.keepAliveMs - silentFor);
    }
  }
}

function drained(raw: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      raw.off('drain', done);
      raw.off('close', done);
      resolve();
    };
    raw.on('drain', done);
    raw.on('close', done);
  });
}
