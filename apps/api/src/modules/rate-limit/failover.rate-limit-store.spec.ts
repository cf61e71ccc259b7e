import { Logger } from '@nestjs/common';
import { FailoverRateLimitStore } from './failover.rate-limit-store';
import { MemoryRateLimitStore } from './memory.rate-limit-store';
import type { RateLimitRecord, RateLimitStore } from './rate-limit.tokens';

class SwitchableStore implements RateLimitStore {
  down = false;
  readonly inner = new MemoryRateLimitStore();
  increment(key: string, ttl: number, limit: number): Promise<RateLimitRecord> {
    return this.down ? Promise.reject(new Error('connection refused')) : this.inner.increment(key, ttl, limit);
  }
}

describe('FailoverRateLimitStore', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('uses the shared store while it answers', async () => {
    const shared = new SwitchableStore();
    const store = new FailoverRateLimitStore(shared, new MemoryRateLimitStore(), 4);
    expect(await store.increment('k', 60_000, 60)).toMatchObject({ limit: 60, totalHits: 1 });
    expect(warn).not.toHaveBeenCalled();
  });

  it('enforces limit / instances per instance while the shared store fails, warning once', async () => {
    const shared = new SwitchableStore();
    shared.down = true;
    const store = new FailoverRateLimitStore(shared, new MemoryRateLimitStore(), 4);
    const records = [];
    for (let i = 0; i < 16; i++) records.push(await store.increment('k', 60_000, 60));
    expect(records.filter((r) => !r.isBlocked)).toHaveLength(15);
    expect(records[0].limit).toBe(15);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('never drops a limit to zero', async () => {
    const shared = new SwitchableStore();
    shared.down = true;
    const store = new FailoverRateLimitStore(shared, new MemoryRateLimitStore(), 10);
    expect(await store.increment('k', 60_000, 3)).toMatchObject({ limit: 1, isBlocked: false });
  });

  it('treats a hanging shared store as down instead of stalling the request', async () => {
    const hanging: RateLimitStore = { increment: () => new Promise<RateLimitRecord>(() => undefined) };
    const store = new FailoverRateLimitStore(hanging, new MemoryRateLimitStore(), 2);
    const started = Date.now();
    expect(await store.increment('k', 60_000, 10)).toMatchObject({ limit: 5, isBlocked: false });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('goes back to the shared store when it recovers', async () => {
    const shared = new SwitchableStore();
    shared.down = true;
    const store = new FailoverRateLimitStore(shared, new MemoryRateLimitStore(), 2);
    await store.increment('k', 60_000, 10);
    shared.down = false;
    expect(await store.increment('k', 60_000, 10)).toMatchObject({ limit: 10, totalHits: 1 });
  });
});
