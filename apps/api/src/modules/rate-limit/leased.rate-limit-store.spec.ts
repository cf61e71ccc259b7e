import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { InProcessPubSub } from '../../infrastructure/pubsub/in-process.pubsub';
import { LeasedRateLimitStore } from './leased.rate-limit-store';
import type { RateLimitRecord } from './rate-limit.tokens';
import { RedisRateLimitStore } from './redis.rate-limit-store';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const MINUTE = 60_000;

/** Two instances sharing one Redis and one pub/sub, as two API processes do. */
describe('LeasedRateLimitStore', () => {
  let redis: Redis;
  let prefix: string;
  let stores: LeasedRateLimitStore[];
  let claims: jest.SpyInstance[];

  function instance(owner: string): LeasedRateLimitStore {
    const shared = new RedisRateLimitStore(redis, owner);
    claims.push(jest.spyOn(shared, 'claim'));
    const store = new LeasedRateLimitStore(shared, pubSub, owner);
    store.start();
    stores.push(store);
    return store;
  }
  let pubSub: InProcessPubSub;

  /** A hit as the gateway makes it: leased tokens first, else a claim in Redis. */
  function hit(store: LeasedRateLimitStore, key: string, limit: number, ttl = MINUTE): Promise<RateLimitRecord> {
    return Promise.resolve(store.takeLeased(key, limit) ?? store.increment(key, ttl, limit));
  }

  async function window(key: string): Promise<Record<string, string>> {
    return redis.hgetall(`ratelimit:v2:${key}`);
  }

  beforeEach(() => {
    prefix = `apilink-test:${randomUUID()}:`;
    redis = new Redis(REDIS_URL, { keyPrefix: prefix });
    pubSub = new InProcessPubSub();
    stores = [];
    claims = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    for (const store of stores) await store.shutdown();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys.map((key) => key.slice(prefix.length)));
    redis.disconnect();
    jest.restoreAllMocks();
  });

  it('serves a busy key from leased tokens, one claim per lease, with exact remaining counts', async () => {
    const a = instance('a');
    const records: RateLimitRecord[] = [];
    for (let i = 0; i < 40; i++) records.push(await hit(a, 'k', 1_000));
    expect(records.map((record) => record.totalHits)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(records.every((record) => !record.isBlocked)).toBe(true);
    // 1,000 per minute leases 10 tokens at a time: 40 hits take 1 exact claim, then about one per lease.
    expect(claims[0].mock.calls.length).toBeLessThanOrEqual(6);
  });

  it('checks a key with a small limit hit by hit', async () => {
    const a = instance('a');
    for (let i = 0; i < 5; i++) await hit(a, 'small', 60);
    expect(claims[0]).toHaveBeenCalledTimes(5);
    expect(await window('small')).toMatchObject({ n: '5' });
  });

  it('never lets two instances overshoot the limit, leases or not', async () => {
    const a = instance('a');
    const b = instance('b');
    const records = await Promise.all(Array.from({ length: 1_200 }, (_, i) => hit(i % 2 === 0 ? a : b, 'k', 1_000)));
    expect(records.filter((record) => !record.isBlocked)).toHaveLength(1_000);
    expect(Number((await window('k')).n)).toBeLessThanOrEqual(1_000);
  });

  it("recalls another instance's unused tokens instead of refusing while budget is left", async () => {
    const a = instance('a');
    const b = instance('b');
    // A's second hit leases tokens it then leaves unused.
    await hit(a, 'k', 1_000);
    await hit(a, 'k', 1_000);
    expect(Number((await window('k'))['l:a'])).toBeGreaterThan(0);
    let served = 2;
    for (;;) {
      const record = await hit(b, 'k', 1_000);
      if (record.isBlocked) break;
      served += 1;
    }
    expect(served).toBe(1_000);
    expect(await window('k')).toMatchObject({ n: '1000' });
    expect((await window('k'))['l:a']).toBeUndefined();
    // Recalled, A now goes hit by hit and is refused like B.
    expect((await hit(a, 'k', 1_000)).isBlocked).toBe(true);
  });

  it('gives back unused tokens at shutdown, so the window counts only the hits', async () => {
    const a = instance('a');
    for (let i = 0; i < 3; i++) await hit(a, 'k', 1_000);
    expect(Number((await window('k')).n)).toBeGreaterThan(3);
    await a.shutdown();
    const after = await window('k');
    expect(after.n).toBe('3');
    expect(after['l:a']).toBeUndefined();
  });

  it('gives back the tokens of a key gone idle here', async () => {
    const a = instance('a');
    for (let i = 0; i < 3; i++) await hit(a, 'k', 1_000);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await window('k')).toEqual({ n: '3', w: expect.any(String) });
    expect(a.size).toBe(0);
  }, 10_000);

  it('never spends a token after its window ends, and starts the next window with the full limit', async () => {
    const a = instance('a');
    await hit(a, 'short', 1_000, 300);
    await hit(a, 'short', 1_000, 300);
    expect(a.takeLeased('short', 1_000)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(a.takeLeased('short', 1_000)).toBeNull();
    expect((await hit(a, 'short', 1_000, 300)).totalHits).toBe(1);
  });
});
