/**
 * Sends one prepared upstream request and hands back the raw response. HTTP upstreams go through
 * undici; the demo model answers in process. Both are UpstreamTransport strategies collected under
 * UPSTREAM_TRANSPORTS, so everything above them (failover, parsing, billing) is the same path.
 */
import type { UpstreamHttpRequest } from '../adapters/upstream-adapter';

export interface UpstreamResponse {
  status: number;
  /** Raw body bytes, as they arrive; iterate once. */
  body: AsyncIterable<Uint8Array>;
  /** Stops reading and frees the connection (call when the body is not consumed to the end). */
  discard(): void;
}

export interface SendOptions {
  /** Aborts the request at once: client gone, whole-request timeout, or the attempt abandoned. */
  signal: AbortSignal;
  /** Give up when the response headers have not arrived by then (undici's headersTimeout). */
  headersTimeoutMs: number;
  /** Check every address the host resolves to against the SSRF policy when connecting. */
  guardAddresses?: boolean;
}

export interface UpstreamTransport {
  /** Whether this transport serves the URL (by scheme). */
  handles(url: string): boolean;
  /**
   * @throws UpstreamConnectError when the upstream cannot be reached or times out before answering;
   *   the AbortSignal's reason when aborted.
   */
  send(request: UpstreamHttpRequest, options: SendOptions): Promise<UpstreamResponse>;
}

export const UPSTREAM_TRANSPORTS = Symbol('UPSTREAM_TRANSPORTS');
