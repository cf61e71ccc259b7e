// Writes a response as a sequence of frames, applying the timing and truncation faults between them.
import type { ServerResponse } from 'node:http';

export interface FrameWriteOptions {
  firstByteDelayMs?: number;
  chunkDelayMs?: number;
  /** Destroy the socket after this many frames have been flushed, leaving the response unfinished. */
  dropAfterFrames?: number;
  delay(ms: number): Promise<void>;
  onHead(status: number): void;
  /** Called just before the mock itself destroys the socket, so it is not taken for a client abort. */
  onDrop(): void;
}

export async function writeFrames(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
  frames: readonly string[],
  options: FrameWriteOptions,
): Promise<void> {
  if (options.firstByteDelayMs) {
    await options.delay(options.firstByteDelayMs);
    if (res.destroyed) return;
  }
  options.onHead(status);
  res.writeHead(status, headers);
  const drop = options.dropAfterFrames;
  const count = drop === undefined ? frames.length : Math.min(drop, frames.length);
  const destroy = () => {
    options.onDrop();
    res.socket?.destroy();
    res.destroy();
  };
  if (drop !== undefined && count === 0) {
    res.flushHeaders();
    await options.delay(20);
    destroy();
    return;
  }
  // Without delays, frames written in one go are corked into one syscall; each keeps its own chunk framing.
  const corked = !options.chunkDelayMs && count > 1;
  if (corked) res.cork();
  for (let i = 0; i < count; i++) {
    if (i > 0 && options.chunkDelayMs) {
      await options.delay(options.chunkDelayMs);
      if (res.destroyed) return;
    }
    // Destroy only once the last frame has reached the socket, so the client sees it before the cut.
    if (drop !== undefined && i === count - 1) res.write(frames[i], () => destroy());
    else res.write(frames[i]);
  }
  if (drop === undefined) res.end();
  if (corked) res.uncork();
}
