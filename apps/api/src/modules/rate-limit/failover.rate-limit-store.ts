import { Logger } from '@nestjs/common';
import type { RateLimitRecord, RateLimitStore } from './rate-limit.tokens';

/** A Redis call slower than this counts as Redis being down: limits must not stall requests. */
const REDIS_TIMEOUT_MS = 250;

/**
 * Shared limits while Redis answers; per-instance limits (limit / instances) while it does not, so
 * an outage neither fails every request nor lets everything through.
 */
export class FailoverRateLimitStore implements RateLimitStore {
  private readonly logger = new Logger('RateLimit');
  private degraded = false;

  constructor(
    private readonly shared: RateLimitStore,
    private readonly local: RateLimitStore,
    private readonly instances: number,
  ) {}

  async increment(key: string, ttl: number, limit: number): Promise<RateLimitRecord> {
    try {
      const record = await withTimeout(this.shared.increment(key, ttl, limit));
      if (this.degraded) {
        this.degraded = false;
        this.logger.log('Redis reachable again: rate limits are shared across instances');
      }
      return record;
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn(
          `Redis unreachable (${error instanceof Error ? error.message : String(error)}): ` +
            `rate limits fall back to per-instance limits (limit / ${this.instances})`,
        );
      }
      return this.local.increment(key, ttl, Math.max(1, Math.floor(limit / this.instances)));
    }
  }
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${REDIS_TIMEOUT_MS} ms`)), REDIS_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
