import { MemoryRateLimitStore } from './memory.rate-limit-store';

describe('MemoryRateLimitStore', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('allows exactly the limit within one window and refuses the rest', async () => {
    const store = new MemoryRateLimitStore(100, clock);
    const records = [];
    for (let i = 0; i < 5; i++) records.push(await store.increment('k', 60_000, 3));
    expect(records.map((r) => r.isBlocked)).toEqual([false, false, false, true, true]);
    expect(records.map((r) => r.totalHits)).toEqual([1, 2, 3, 4, 5]);
    expect(records[4]).toMatchObject({ limit: 3, resetMs: 60_000, timeToBlockExpire: 60 });
  });

  it('starts a full budget once the window that began at the first hit has passed', async () => {
    const store = new MemoryRateLimitStore(100, clock);
    await store.increment('k', 60_000, 1);
    now += 30_000;
    expect(await store.increment('k', 60_000, 1)).toMatchObject({ isBlocked: true, resetMs: 30_000 });
    now += 30_000;
    expect(await store.increment('k', 60_000, 1)).toMatchObject({ isBlocked: false, totalHits: 1, resetMs: 60_000 });
  });

  it('keeps keys independent', async () => {
    const store = new MemoryRateLimitStore(100, clock);
    await store.increment('a', 60_000, 1);
    expect((await store.increment('b', 60_000, 1)).isBlocked).toBe(false);
  });

  it('never holds more windows than its bound, dropping finished then oldest ones', async () => {
    const store = new MemoryRateLimitStore(3, clock);
    await store.increment('old', 1_000, 5);
    now += 2_000;
    for (const key of ['a', 'b', 'c', 'd']) await store.increment(key, 60_000, 5);
    expect(store.size).toBe(3);
    // "a" was the oldest live window, so it was evicted and starts afresh.
    expect((await store.increment('d', 60_000, 5)).totalHits).toBe(2);
  });
});
