import { ApiKeyCache, type CachedApiKey } from './api-key-cache';

function key(keyId: string, userId = 'u1'): CachedApiKey {
  return {
    keyId,
    userId,
    keyHash: `h-${keyId}`,
    rpmLimit: null,
    spendCapMicros: null,
    expiresAt: null,
    revokedAt: null,
    userDisabled: false,
  };
}

describe('ApiKeyCache', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => (now = 0));

  it('returns a cached key until its TTL passes', () => {
    const cache = new ApiKeyCache(1_000, 10, 100, clock);
    cache.set('h1', key('k1'), cache.currentGeneration);
    now = 999;
    expect(cache.get('h1')).toMatchObject({ keyId: 'k1' });
    now = 1_000;
    expect(cache.get('h1')).toBeUndefined();
  });

  it('remembers unknown hashes for a shorter time', () => {
    const cache = new ApiKeyCache(1_000, 10, 100, clock);
    cache.set('nope', null, cache.currentGeneration);
    expect(cache.get('nope')).toBeNull();
    now = 100;
    expect(cache.get('nope')).toBeUndefined();
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new ApiKeyCache(1_000, 2, 100, clock);
    cache.set('a', key('a'), 0);
    cache.set('b', key('b'), 0);
    cache.get('a');
    cache.set('c', key('c'), 0);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
  });

  it('drops entries by key id and by user id', () => {
    const cache = new ApiKeyCache(1_000, 10, 100, clock);
    cache.set('a', key('a', 'u1'), 0);
    cache.set('b', key('b', 'u1'), 0);
    cache.set('c', key('c', 'u2'), 0);
    cache.invalidateKey('a');
    expect(cache.get('a')).toBeUndefined();
    cache.invalidateUser('u1');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('refuses to store a lookup that started before an invalidation', () => {
    const cache = new ApiKeyCache(1_000, 10, 100, clock);
    const generation = cache.currentGeneration;
    cache.invalidateKey('a');
    cache.set('a', key('a'), generation);
    expect(cache.get('a')).toBeUndefined();
  });
});
