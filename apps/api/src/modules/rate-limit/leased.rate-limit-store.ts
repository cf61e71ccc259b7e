/**
 * Per-key request limits served, for busy keys far from their limit, from tokens this instance
 * leased from the shared Redis window: most hits then cost no round trip. Exact across instances:
 * - no overshoot: a token is counted in Redis before anyone uses it, and a lease is used only
 *   until (its claim's send time + the window's remaining time), never past Redis's own expiry;
 * - no wrong 429: a hit refused while other instances hold leased tokens first recalls them
 *   (pub/sub); they give back what they have not used, stop leasing for the window, and the hit
 *   is tried again. Near the limit the Redis script grants no leases, so every hit is exact there.
 * Unused tokens go back when a key falls idle here and at shutdown.
 */
import { Logger } from '@nestjs/common';
import type { PubSub } from '../../infrastructure/pubsub/pubsub.tokens';
import { recalledSubject, recallMessage } from '../../infrastructure/pubsub/recall-message';
import type { SharedRateLimitStore } from './failover.rate-limit-store';
import type { RateLimitRecord } from './rate-limit.tokens';
import { windowRecord } from './rate-limit.tokens';
import type { Claim, RedisRateLimitStore } from './redis.rate-limit-store';

/** PUB_SUB channel: `{key, from}` asks every other instance to give back its tokens for that key. */
export const TOKEN_RECALL_CHANNEL = 'ratelimit.tokens.recall';
const MAX_LEASE_TOKENS = 50;
/** A lease is at most this share of the key's limit (1/100): keys under 200 per window go hit by hit. */
const LIMIT_PER_LEASE_TOKEN = 100;
/** A key is worth leasing for when its previous hit here was this recent. */
const HOT_WITHIN_MS = 1_000;
/** Unused tokens of a key with no hit here for this long go back to the window. */
const IDLE_MS = 2_000;
const TICK_MS = 500;
/**
 * After a recall, the refused hit is tried again after each of these waits (ms), ~640 ms in all:
 * enough for a loaded instance to answer, and inside the 1 s after which the failover store
 * counts Redis as down.
 */
const RECALL_RETRY_DELAYS_MS = [5, 10, 20, 40, 80, 160, 320];
/** Shutdown gives back what it can within this time (Redis may be down). */
const SHUTDOWN_WAIT_MS = 2_000;

/** This instance's tokens for one key's current window. */
interface Pool {
  key: string;
  ttlMs: number;
  window: string;
  /** Local end of the window (ms since epoch), never after Redis's. */
  deadline: number;
  /** Leased tokens not used yet. */
  left: number;
  /** Tokens granted in the window by the last answer seen: hits anywhere plus all leases. */
  count: number;
  /** The tokens one lease asks for (from the key's limit). */
  leaseSize: number;
  lastHitAt: number;
  /** Redis lists this instance as holding leased tokens in the window. */
  holdsLease: boolean;
  toppingUp: boolean;
  /** Another instance recalled: hit by hit until the window ends. */
  exact: boolean;
  /** This instance already recalled the others' tokens in this window. */
  recalled: boolean;
}

export class LeasedRateLimitStore implements SharedRateLimitStore {
  private readonly logger = new Logger('RateLimit');
  private readonly pools = new Map<string, Pool>();
  private timer: NodeJS.Timeout | null = null;
  private closing = false;

  constructor(
    private readonly redis: RedisRateLimitStore,
    private readonly pubSub: PubSub,
    private readonly owner: string,
  ) {}

  start(): void {
    this.pubSub.subscribe(TOKEN_RECALL_CHANNEL, (message) => this.onRecall(message));
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  /** No more leasing; every unused token goes back (bounded: Redis may be unreachable). */
  async shutdown(): Promise<void> {
    this.closing = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const returns = [...this.pools.values()].filter((pool) => pool.holdsLease).map((pool) => this.giveBack(pool));
    await Promise.race([Promise.all(returns), new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS).unref())]);
  }

  connected(): boolean {
    return this.redis.connected();
  }

  /** A hit served from this instance's leased tokens, without a round trip; null when there are none. */
  takeLeased(key: string, limit: number): RateLimitRecord | null {
    const pool = this.pools.get(key);
    if (pool === undefined || pool.left === 0) return null;
    const now = Date.now();
    if (now >= pool.deadline) return null;
    pool.left -= 1;
    pool.lastHitAt = now;
    if (pool.left <= pool.leaseSize / 2) this.topUp(pool, limit);
    // Used so far, as far as this instance knows: everything granted but its own unused tokens.
    return windowRecord(pool.count - pool.left, limit, pool.deadline - now);
  }

  /** A hit that asks Redis: exact, and it starts a lease when the key is busy here. */
  async increment(key: string, ttl: number, limit: number): Promise<RateLimitRecord> {
    const sentAt = Date.now();
    const known = this.pools.get(key);
    const hot = known !== undefined && sentAt < known.deadline && !known.exact && sentAt - known.lastHitAt < HOT_WITHIN_MS;
    const lease = hot && !this.closing ? leaseSizeFor(limit) : 0;
    let claim = await this.redis.claim({ key, ttlMs: ttl, limit, take: 1, lease, owner: this.owner });
    let pool = this.absorb(key, ttl, limit, claim, sentAt);
    pool.lastHitAt = sentAt;
    if (!claim.granted && claim.leasedElsewhere > 0 && !pool.recalled) {
      pool.recalled = true;
      claim = await this.recallAndRetry(key, ttl, limit);
      pool = this.pools.get(key) ?? pool;
    }
    // Used so far, as far as this instance knows: everything granted but its own unused tokens.
    if (claim.granted) return windowRecord(pool.count - pool.left, limit, claim.remainingMs);
    // A top-up may have landed while this hit waited.
    return this.takeLeased(key, limit) ?? windowRecord(claim.count + 1, limit, claim.remainingMs);
  }

  /** Pools held now (tests and metrics). */
  get size(): number {
    return this.pools.size;
  }

  /** Folds a claim's answer into the key's pool, starting a new one when the window changed. */
  private absorb(key: string, ttlMs: number, limit: number, claim: Claim, sentAt: number): Pool {
    let pool = this.pools.get(key);
    if (pool === undefined || pool.window !== claim.window) {
      // A new window id means the old window ended in Redis: its unused tokens are worth nothing.
      pool = {
        key,
        ttlMs,
        window: claim.window,
        deadline: sentAt + claim.remainingMs,
        left: 0,
        count: 0,
        leaseSize: leaseSizeFor(limit),
        lastHitAt: sentAt,
        holdsLease: false,
        toppingUp: false,
        exact: false,
        recalled: false,
      };
      this.pools.set(key, pool);
    }
    pool.deadline = Math.min(pool.deadline, sentAt + claim.remainingMs);
    pool.count = Math.max(pool.count, claim.count);
    pool.leaseSize = leaseSizeFor(limit);
    if (claim.leased > 0) {
      pool.left += claim.leased;
      pool.holdsLease = true;
    }
    return pool;
  }

  /** Leases more tokens in the background before the pool runs dry. */
  private topUp(pool: Pool, limit: number): void {
    if (pool.toppingUp || pool.exact || this.closing) return;
    pool.toppingUp = true;
    const sentAt = Date.now();
    this.redis
      .claim({ key: pool.key, ttlMs: pool.ttlMs, limit, take: 0, lease: pool.leaseSize, owner: this.owner })
      .then((claim) => {
        // Granted after a recall arrived: give it straight back.
        const current = this.absorb(pool.key, pool.ttlMs, limit, claim, sentAt);
        if (current.exact && current.left > 0) void this.giveBack(current);
      })
      .catch((error: unknown) => this.logger.warn(`Could not lease rate-limit tokens: ${(error as Error).message}`))
      .finally(() => {
        pool.toppingUp = false;
      });
  }

  /** Asks the other instances for their leased tokens, then tries the hit again until they are back. */
  private async recallAndRetry(key: string, ttl: number, limit: number): Promise<Claim> {
    await this.pubSub.publish(TOKEN_RECALL_CHANNEL, recallMessage('key', key, this.owner));
    let claim: Claim | undefined;
    for (const delayMs of RECALL_RETRY_DELAYS_MS) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const sentAt = Date.now();
      claim = await this.redis.claim({ key, ttlMs: ttl, limit, take: 1, lease: 0, owner: this.owner });
      this.absorb(key, ttl, limit, claim, sentAt);
      if (claim.granted || claim.leasedElsewhere === 0) break;
    }
    return claim!;
  }

  private onRecall(message: string): void {
    const key = recalledSubject(message, 'key', this.owner);
    const pool = key === null ? undefined : this.pools.get(key);
    if (pool === undefined) return;
    pool.exact = true;
    if (pool.holdsLease) void this.giveBack(pool);
  }

  /** Returns the pool's unused tokens; Redis then lists this instance as holding none. */
  private async giveBack(pool: Pool): Promise<void> {
    const unused = pool.left;
    pool.left = 0;
    pool.holdsLease = false;
    try {
      await this.redis.giveBack(pool.key, this.owner, pool.window, unused);
    } catch (error) {
      // The tokens stay counted until the window ends: a lower limit for under a minute, never a higher one.
      this.logger.warn(`Could not give back rate-limit tokens: ${(error as Error).message}`);
    }
  }

  /** Forgets ended windows and gives back the tokens of keys gone idle here. */
  private tick(): void {
    const now = Date.now();
    for (const [key, pool] of this.pools) {
      if (now >= pool.deadline) this.pools.delete(key);
      else if (now - pool.lastHitAt > IDLE_MS && !pool.toppingUp) {
        if (pool.holdsLease) void this.giveBack(pool);
        this.pools.delete(key);
      }
    }
  }
}

function leaseSizeFor(limit: number): number {
  const size = Math.min(MAX_LEASE_TOKENS, Math.floor(limit / LIMIT_PER_LEASE_TOKEN));
  return size >= 2 ? size : 0;
}
