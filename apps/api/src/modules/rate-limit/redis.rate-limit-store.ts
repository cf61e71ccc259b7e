import type Redis from 'ioredis';
import type { SharedRateLimitStore } from './failover.rate-limit-store';
import type { RateLimitRecord } from './rate-limit.tokens';
import { windowRecord } from './rate-limit.tokens';

/**
 * One atomic step per hit, so concurrent requests on any number of instances never overshoot:
 * count the hit, start the window on the first one, and report the count and time left.
 */
const HIT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {hits, ttl}`;

const HIT_COMMAND = 'apilinkRateLimitHit';
const DOWN_STATUSES = new Set(['reconnecting', 'close', 'end']);

type RedisWithHit = Redis & { [HIT_COMMAND]: (key: string, ttlMs: number) => Promise<[number, number]> };

/** Windows shared by every API instance through Redis (keys get the client's prefix). */
export class RedisRateLimitStore implements SharedRateLimitStore {
  private readonly redis: RedisWithHit;

  constructor(redis: Redis) {
    // A defined command runs by EVALSHA: the script is sent and hashed once, not on every request.
    if (!(HIT_COMMAND in redis)) redis.defineCommand(HIT_COMMAND, { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.redis = redis as RedisWithHit;
  }

  /** ioredis knows at once when its socket dropped; it queues commands while it reconnects. */
  connected(): boolean {
    return !DOWN_STATUSES.has(this.redis.status);
  }

  async increment(key: string, ttl: number, limit: number): Promise<RateLimitRecord> {
    const [hits, remainingMs] = await this.redis[HIT_COMMAND](`ratelimit:${key}`, ttl);
    return windowRecord(hits, limit, remainingMs);
  }
}
