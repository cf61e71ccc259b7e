import { Logger } from '@nestjs/common';
import { FailoverRateLimitStore } from './failover.rate-limit-store';
import { MemoryRateLimitStore } from './memory.rate-limit-store';
import type { SharedRateLimitStore } from './failover.rate-limit-store';
import type { RateLimitRecord } from './rate-limit.tokens';

class SwitchableStore implements SharedRateLimitStore {
  down = false;
  /** A dropped connection the client already knows about. */
  disconnected = false;
  calls = 0;
  readonly inner = new MemoryRateLimitStore();
  connected(): boolean {
    return !this.disconnected;
  }
  takeLeased(): null {
    return null;
  }
  increment(key: string, ttl: number, limit: number): Promise<RateLimitRecord> {
    this.calls++;
    return this.down ? Promise.reject(new Error('connection refused')) : this.inner.increment(key, ttl, limit);
  }
}

/** A connected store that never answers, like a Redis stopped with SIGSTOP. */
class HangingStore implements SharedRateLimitStore {
  calls = 0;
  connected(): boolean {
    return true;
  }
  takeLeased(): null {
    return null;
  }
  increment(): Promise<RateLimitRecord> {
    this.calls++;
    return new Promise<RateLimitRecord>(() => undefined);
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

  it('answers from the local store without calling the shared one while its connection is down', async () => {
    const shared = new SwitchableStore();
    shared.disconnected = true;
    const store = new FailoverRateLimitStore(shared, new MemoryRateLimitStore(), 2);
    expect(await store.increment('k', 60_000, 10)).toMatchObject({ limit: 5, totalHits: 1 });
    expect(shared.calls).toBe(0);
  });

  describe('with a hanging shared store', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('gives up after one timeout, then skips it for a second before trying it again', async () => {
      const shared = new HangingStore();
      const store = new FailoverRateLimitStore(shared, new MemoryRateLimitStore(), 2);
      const first = store.increment('k', 60_000, 10);
      await jest.advanceTimersByTimeAsync(999);
      let settled = false;
      void first.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(await first).toMatchObject({ limit: 5, isBlocked: false });

      expect(await store.increment('k', 60_000, 10)).toMatchObject({ limit: 5, totalHits: 2 });
      expect(shared.calls).toBe(1);

      await jest.advanceTimersByTimeAsync(1_000);
      void store.increment('k', 60_000, 10);
      expect(shared.calls).toBe(2);
    });
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
