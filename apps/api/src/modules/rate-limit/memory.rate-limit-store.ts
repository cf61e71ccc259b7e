import type { RateLimitRecord, RateLimitStore } from './rate-limit.tokens';
import { windowRecord } from './rate-limit.tokens';

interface Window {
  hits: number;
  resetsAt: number;
}

/** In-process windows for a single instance (no Redis) and for the fallback while Redis is down. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  async increment(key: string, ttl: number, limit: number): Promise<RateLimitRecord> {
    return this.hit(key, ttl, limit);
  }

  /** `increment` without the promise, for callers that must decide in the same call stack. */
  hit(key: string, ttl: number, limit: number): RateLimitRecord {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetsAt <= now) {
      if (window) this.windows.delete(key);
      this.makeRoom(now);
      window = { hits: 0, resetsAt: now + ttl };
      this.windows.set(key, window);
    }
    window.hits += 1;
    return windowRecord(window.hits, limit, window.resetsAt - now);
  }

  get size(): number {
    return this.windows.size;
  }

  /** Bounded memory: drop finished windows, then the oldest ones (Map keeps insertion order). */
  private makeRoom(now: number): void {
    if (this.windows.size < this.maxKeys) return;
    for (const [key, window] of this.windows) if (window.resetsAt <= now) this.windows.delete(key);
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}
