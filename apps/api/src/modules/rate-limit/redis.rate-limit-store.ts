import type Redis from 'ioredis';
import type { RateLimitRecord, RateLimitStore } from './rate-limit.tokens';
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

/** Windows shared by every API instance through Redis (keys get the client's prefix). */
export class RedisRateLimitStore implements RateLimitStore {
  constructor(private readonly redis: Redis) {}

  async increment(key: string, ttl: number, limit: number): Promise<RateLimitRecord> {
    const [hits, remainingMs] = (await this.redis.eval(HIT_SCRIPT, 1, `ratelimit:${key}`, ttl)) as [number, number];
    return windowRecord(hits, limit, remainingMs);
  }
}
