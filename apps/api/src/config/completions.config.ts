import { IsInt, Max, Min } from 'class-validator';
import { defineConfig } from './define-config';

/** Timeouts, retries and streaming of POST /v1/chat/completions. */
class CompletionsEnv {
  /** Whole request, arrival to last byte, all upstream attempts included. */
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  REQUEST_TIMEOUT_MS: number = 120_000;

  @IsInt()
  @Min(100)
  @Max(120_000)
  UPSTREAM_CONNECT_TIMEOUT_MS: number = 10_000;

  /**
   * A non-streamed upstream that has not sent its response headers by then is abandoned for the
   * next one, as after a connection error. Longer than for streams: a JSON answer's headers only
   * come once the whole completion is written.
   */
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  UPSTREAM_HEADERS_TIMEOUT_MS: number = 60_000;

  /** A streaming upstream that has not sent its response headers by then is abandoned for the next one. */
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  UPSTREAM_STREAM_HEADERS_TIMEOUT_MS: number = 30_000;

  /** Upstreams tried per request at most (the first one included). */
  @IsInt()
  @Min(1)
  @Max(10)
  UPSTREAM_MAX_ATTEMPTS: number = 3;

  /** Keep-alive connections per upstream origin. */
  @IsInt()
  @Min(1)
  @Max(4096)
  UPSTREAM_POOL_CONNECTIONS: number = 256;

  /** Consecutive failures after which an upstream is tried last for the cool-down. */
  @IsInt()
  @Min(1)
  @Max(1000)
  CIRCUIT_BREAKER_FAILURE_THRESHOLD: number = 5;

  @IsInt()
  @Min(100)
  @Max(3_600_000)
  CIRCUIT_BREAKER_COOLDOWN_MS: number = 30_000;

  /** SSE comment sent while the upstream is silent, so proxies keep the stream open. */
  @IsInt()
  @Min(10)
  @Max(300_000)
  SSE_KEEPALIVE_INTERVAL_MS: number = 15_000;
}

export const completionsConfig = defineConfig('completions', CompletionsEnv, (env) => ({
  requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
  connectTimeoutMs: env.UPSTREAM_CONNECT_TIMEOUT_MS,
  headersTimeoutMs: env.UPSTREAM_HEADERS_TIMEOUT_MS,
  streamHeadersTimeoutMs: env.UPSTREAM_STREAM_HEADERS_TIMEOUT_MS,
  maxAttempts: env.UPSTREAM_MAX_ATTEMPTS,
  poolConnections: env.UPSTREAM_POOL_CONNECTIONS,
  breaker: { failureThreshold: env.CIRCUIT_BREAKER_FAILURE_THRESHOLD, cooldownMs: env.CIRCUIT_BREAKER_COOLDOWN_MS },
  keepAliveIntervalMs: env.SSE_KEEPALIVE_INTERVAL_MS,
}));
