import type Redis from 'ioredis';
import type { SharedRateLimitStore } from './failover.rate-limit-store';
import type { RateLimitRecord } from './rate-limit.tokens';
import { windowRecord } from './rate-limit.tokens';

/**
 * A window is a hash: `n` tokens granted (hits plus tokens leased to instances), `w` the window's
 * id, and `l:<owner>` the tokens leased to each instance and not given back. It expires with the
 * window. Tokens are counted before anyone uses them, so no number of instances can overshoot.
 *
 * CLAIM (one atomic step): grant `take` tokens if they fit (0 or 1: the request's own), plus
 * `lease` more to the owner only while the window stays far from its limit (8 leases of room
 * left), so near the limit every hit is exact. When the request's token does not fit, it reports
 * how many tokens other instances hold leased, so the caller can recall them before a 429.
 */
const CLAIM_SCRIPT = `
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], 'n', 0, 'w', ARGV[6])
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
local n = tonumber(redis.call('HGET', KEYS[1], 'n'))
local limit = tonumber(ARGV[2])
local take = tonumber(ARGV[3])
local lease = tonumber(ARGV[4])
local granted = 0
local leased = 0
if n + take <= limit then
  granted = take
  if lease > 0 and n + take + lease * 8 <= limit then leased = lease end
end
if granted + leased > 0 then n = redis.call('HINCRBY', KEYS[1], 'n', granted + leased) end
if leased > 0 then redis.call('HINCRBY', KEYS[1], 'l:' .. ARGV[5], leased) end
local elsewhere = 0
if granted < take then
  local own = 'l:' .. ARGV[5]
  local fields = redis.call('HGETALL', KEYS[1])
  for i = 1, #fields, 2 do
    if string.sub(fields[i], 1, 2) == 'l:' and fields[i] ~= own then elsewhere = elsewhere + tonumber(fields[i + 1]) end
  end
end
return {granted, leased, n, ttl, redis.call('HGET', KEYS[1], 'w'), elsewhere}`;

/**
 * GIVE_BACK: the owner returns `unused` of its leased tokens to window `w` (nothing if that window
 * has ended) and stops being listed as holding any.
 */
const GIVE_BACK_SCRIPT = `
if redis.call('HGET', KEYS[1], 'w') ~= ARGV[2] then return 0 end
local own = 'l:' .. ARGV[1]
local back = math.min(tonumber(ARGV[3]), tonumber(redis.call('HGET', KEYS[1], own) or '0'))
if back > 0 then redis.call('HINCRBY', KEYS[1], 'n', -back) end
redis.call('HDEL', KEYS[1], own)
return back`;

const CLAIM_COMMAND = 'apilinkRateLimitClaim';
const GIVE_BACK_COMMAND = 'apilinkRateLimitGiveBack';
const DOWN_STATUSES = new Set(['reconnecting', 'close', 'end']);

type ClaimReply = [granted: number, leased: number, count: number, remainingMs: number, window: string, elsewhere: number];

type RedisWithScripts = Redis & {
  [CLAIM_COMMAND]: (key: string, ...args: Array<string | number>) => Promise<ClaimReply>;
  [GIVE_BACK_COMMAND]: (key: string, owner: string, window: string, unused: number) => Promise<number>;
};

export interface ClaimRequest {
  key: string;
  ttlMs: number;
  limit: number;
  /** 1 for a request's own token, 0 for a top-up in the background. */
  take: 0 | 1;
  /** Extra tokens to lease to `owner` (granted only far from the limit). */
  lease: number;
  owner: string;
}

export interface Claim {
  /** Whether the request's token was granted (always true when `take` was 0). */
  granted: boolean;
  leased: number;
  /** Tokens granted in the window so far, leased ones included. */
  count: number;
  remainingMs: number;
  window: string;
  /** Tokens other instances hold leased in this window (reported only when `granted` is false). */
  leasedElsewhere: number;
}

/** Windows shared by every API instance through Redis (keys get the client's prefix). */
export class RedisRateLimitStore implements SharedRateLimitStore {
  private readonly redis: RedisWithScripts;
  /** Window ids only need to differ between windows of a key: this store's id and a counter. */
  private windowSeq = 0;

  constructor(
    redis: Redis,
    private readonly ownerId: string,
  ) {
    // A defined command runs by EVALSHA: the script is sent and hashed once, not on every request.
    if (!(CLAIM_COMMAND in redis)) redis.defineCommand(CLAIM_COMMAND, { numberOfKeys: 1, lua: CLAIM_SCRIPT });
    if (!(GIVE_BACK_COMMAND in redis)) redis.defineCommand(GIVE_BACK_COMMAND, { numberOfKeys: 1, lua: GIVE_BACK_SCRIPT });
    this.redis = redis as RedisWithScripts;
  }

  /** ioredis knows at once when its socket dropped; it queues commands while it reconnects. */
  connected(): boolean {
    return !DOWN_STATUSES.has(this.redis.status);
  }

  /** This store leases nothing: every hit is a round trip. */
  takeLeased(): null {
    return null;
  }

  /** One exact hit: a refused hit is not counted and does not extend the window. */
  async increment(key: string, ttl: number, limit: number): Promise<RateLimitRecord> {
    const claim = await this.claim({ key, ttlMs: ttl, limit, take: 1, lease: 0, owner: this.ownerId });
    return windowRecord(claim.granted ? claim.count : claim.count + 1, limit, claim.remainingMs);
  }

  async claim(request: ClaimRequest): Promise<Claim> {
    const [granted, leased, count, remainingMs, window, elsewhere] = await this.redis[CLAIM_COMMAND](
      windowKey(request.key),
      request.ttlMs,
      request.limit,
      request.take,
      request.lease,
      request.owner,
      `${this.ownerId}:${++this.windowSeq}`,
    );
    return { granted: granted === request.take, leased, count, remainingMs, window, leasedElsewhere: elsewhere };
  }

  /** Returns `unused` leased tokens to the window they came from; resolves to how many it took back. */
  giveBack(key: string, owner: string, window: string, unused: number): Promise<number> {
    return this.redis[GIVE_BACK_COMMAND](windowKey(key), owner, window, unused);
  }
}

/** `v2`: windows became hashes; an older instance's string counters never collide with them. */
function windowKey(key: string): string {
  return `ratelimit:v2:${key}`;
}
