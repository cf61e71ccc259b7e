import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

/** What one hit on a fixed window tells the caller, beyond @nestjs/throttler's record. */
export interface RateLimitRecord extends ThrottlerStorageRecord {
  /** The limit actually enforced: lower than asked while Redis is unreachable (per-instance share). */
  limit: number;
  /** Milliseconds until the window resets to a full budget. */
  resetMs: number;
}

/**
 * Fixed-window counters keyed by any string (API key ids, login IPs and emails). The window starts
 * at the key's first hit and lasts `ttl` ms; a hit over the limit is refused and does not extend it.
 * `blockDuration` and `throttlerName` are part of @nestjs/throttler's interface and are ignored.
 */
export interface RateLimitStore extends ThrottlerStorage {
  increment(key: string, ttl: number, limit: number, blockDuration?: number, throttlerName?: string): Promise<RateLimitRecord>;
}

/** Every hit counted in the shared store (sign-in and sign-up throttles). */
export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');
/** The per-key requests-per-minute store of /v1: may serve busy keys from leased tokens. */
export const KEY_RATE_LIMIT_STORE = Symbol('KEY_RATE_LIMIT_STORE');

/** Builds the record every store returns from the window's hit count and remaining time. */
export function windowRecord(totalHits: number, limit: number, resetMs: number): RateLimitRecord {
  const seconds = Math.max(0, Math.ceil(resetMs / 1000));
  const isBlocked = totalHits > limit;
  return { totalHits, limit, resetMs, timeToExpire: seconds, isBlocked, timeToBlockExpire: isBlocked ? seconds : 0 };
}
