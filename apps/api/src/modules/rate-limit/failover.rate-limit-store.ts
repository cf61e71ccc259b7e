import { Logger } from '@nestjs/common';
import type { RateLimitRecord, RateLimitStore } from './rate-limit.tokens';

/**
 * A connected Redis slower than this counts as down. Generous on purpose: a slow answer on a
 * loaded machine still counts the hit in Redis, so giving up on it early makes the limit inexact.
 */
const REDIS_TIMEOUT_MS = 1_000;
/** After a timeout, requests skip Redis for this long before one tries it again. */
const OPEN_CIRCUIT_MS = 1_000;

/** A shared store that can tell, without a round trip, that its connection is down. */
export interface SharedRateLimitStore extends RateLimitStore {
  /** False while the connection is known to be down (reconnecting or closed). */
  connected(): boolean;
  /** A hit served from tokens this instance already holds, with no round trip; null if none. */
  takeLeased(key: string, limit: number): RateLimitRecord | null;
}

/**
 * Shared limits while Redis answers; per-instance limits (limit / instances) while it does not, so
 * an outage neither fails every request nor lets everything through. A dropped connection is
 * known at once and costs requests no wait; a hung one costs one timeout, then the circuit opens.
 */
export class FailoverRateLimitStore implements RateLimitStore {
  private readonly logger = new Logger('RateLimit');
  private degraded = false;
  /** Skip the shared store until this time (ms since epoch) after it timed out. */
  private openUntil = 0;

  constructor(
    private readonly shared: SharedRateLimitStore,
    private readonly local: RateLimitStore,
    private readonly instances: number,
  ) {}

  async increment(key: string, ttl: number, limit: number): Promise<RateLimitRecord> {
    const leased = this.shared.takeLeased(key, limit);
    if (leased) return leased;
    if (!this.shared.connected()) return this.fallBack(key, ttl, limit, 'connection down');
    if (Date.now() < this.openUntil) return this.fallBack(key, ttl, limit, 'no answer recently');
    try {
      const record = await withTimeout(this.shared.increment(key, ttl, limit));
      if (this.degraded) {
        this.degraded = false;
        this.logger.log('Redis reachable again: rate limits are shared across instances');
      }
      return record;
    } catch (error) {
      if (error instanceof RedisTimeout) this.openUntil = Date.now() + OPEN_CIRCUIT_MS;
      return this.fallBack(key, ttl, limit, error instanceof Error ? error.message : String(error));
    }
  }

  private fallBack(key: string, ttl: number, limit: number, reason: string): Promise<RateLimitRecord> {
    if (!this.degraded) {
      this.degraded = true;
      this.logger.warn(`Redis unreachable (${reason}): rate limits fall back to per-instance limits (limit / ${this.instances})`);
    }
    return this.local.increment(key, ttl, Math.max(1, Math.floor(limit / this.instances)));
  }
}

class RedisTimeout extends Error {}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisTimeout(`no answer within ${REDIS_TIMEOUT_MS} ms`)), REDIS_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
