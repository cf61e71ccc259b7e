import { createHash } from 'node:crypto';
import { displayKey, generateApiKey, hashApiKey, hashesEqual, isWellFormedApiKey, maskPresentedKey } from './key-material';

describe('key material', () => {
  it('makes al- keys of 40 base62 characters, different every time', () => {
    const keys = Array.from({ length: 200 }, () => generateApiKey().secret);
    for (const key of keys) expect(key).toMatch(/^al-[0-9A-Za-z]{40}$/);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('uses the whole base62 alphabet', () => {
    const chars = new Set(Array.from({ length: 200 }, () => generateApiKey().secret.slice(3)).join(''));
    expect(chars.size).toBe(62);
  });

  it('stores the SHA-256 of the secret and a display prefix/suffix taken from it', () => {
    const { secret, hash, displayPrefix, displaySuffix } = generateApiKey();
    expect(hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(hashApiKey(secret)).toBe(hash);
    expect(secret.startsWith(displayPrefix)).toBe(true);
    expect(secret.endsWith(displaySuffix)).toBe(true);
    expect(displayKey(displayPrefix, displaySuffix)).toBe(`${secret.slice(0, 7)}...${secret.slice(-4)}`);
    expect(maskPresentedKey(secret)).toBe(displayKey(displayPrefix, displaySuffix));
  });

  it('recognises well-formed keys only', () => {
    expect(isWellFormedApiKey(generateApiKey().secret)).toBe(true);
    expect(isWellFormedApiKey('al-' + 'a'.repeat(31))).toBe(false);
    expect(isWellFormedApiKey('sk-' + 'a'.repeat(40))).toBe(false);
    expect(isWellFormedApiKey('al-' + 'a'.repeat(39) + '!')).toBe(false);
    expect(isWellFormedApiKey('al-' + 'a'.repeat(200))).toBe(false);
  });

  it('compares hashes in constant time and by value', () => {
    const hash = hashApiKey('al-x');
    expect(hashesEqual(hash, hashApiKey('al-x'))).toBe(true);
    expect(hashesEqual(hash, hashApiKey('al-y'))).toBe(false);
    expect(hashesEqual(hash, 'abcd')).toBe(false);
  });
});
