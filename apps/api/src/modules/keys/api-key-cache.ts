/** What the /v1 hot path needs to know about a key, cached by the hash of its secret. */
export interface CachedApiKey {
  keyId: string;
  userId: string;
  keyHash: string;
  rpmLimit: number | null;
  spendCapMicros: bigint | null;
  expiresAt: number | null;
  revokedAt: number | null;
  userDisabled: boolean;
}

/** A lookup result: a key, or `null` for a hash that matches no key. */
export type KeyResolution = CachedApiKey | null;

interface Entry {
  value: KeyResolution;
  expiresAt: number;
}

/**
 * Bounded TTL cache (least recently used out first) so a request with a known key reads no
 * database. Entries are dropped by key id or user id when a key changes or a user is disabled;
 * the TTL bounds staleness if an invalidation message is ever lost.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped on every invalidation so a lookup that raced one does not store a stale answer. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly negativeTtlMs = Math.min(ttlMs, 10_000),
    private readonly now: () => number = Date.now,
  ) {}

  get(hash: string): KeyResolution | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(hash);
      return undefined;
    }
    // Re-insert to mark it recently used.
    this.entries.delete(hash);
    this.entries.set(hash, entry);
    return entry.value;
  }

  /** The generation to pass back to `set` after a database lookup started now. */
  get currentGeneration(): number {
    return this.generation;
  }

  set(hash: string, value: KeyResolution, generation: number): void {
    if (generation !== this.generation) return;
    this.entries.delete(hash);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(hash, { value, expiresAt: this.now() + (value ? this.ttlMs : this.negativeTtlMs) });
  }

  invalidateKey(keyId: string): void {
    this.invalidateWhere((key) => key.keyId === keyId);
  }

  invalidateUser(userId: string): void {
    this.invalidateWhere((key) => key.userId === userId);
  }

  get size(): number {
    return this.entries.size;
  }

  // A linear scan: invalidations are rare (revoke, edit, disable) and the cache is bounded.
  private invalidateWhere(matches: (key: CachedApiKey) => boolean): void {
    this.generation += 1;
    for (const [hash, entry] of this.entries) if (entry.value && matches(entry.value)) this.entries.delete(hash);
  }
}
