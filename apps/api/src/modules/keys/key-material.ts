import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { API_KEY_MIN_RANDOM_CHARS, API_KEY_PREFIX } from '@apilink/contracts';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 40 base62 characters ≈ 238 bits of entropy. */
const RANDOM_CHARS = 40;
// Bytes at or above 248 (= 4 × 62) are skipped so every character is equally likely.
const UNBIASED_BYTE_LIMIT = 256 - (256 % BASE62.length);
const WELL_FORMED = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${API_KEY_MIN_RANDOM_CHARS},128}$`);
const DISPLAY_PREFIX_CHARS = 4;
const DISPLAY_SUFFIX_CHARS = 4;

export interface KeyMaterial {
  secret: string;
  hash: string;
  displayPrefix: string;
  displaySuffix: string;
}

function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < UNBIASED_BYTE_LIMIT) out += BASE62[byte % BASE62.length];
      if (out.length === length) break;
    }
  }
  return out;
}

export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Shape check before any lookup, so garbage never reaches the cache or the database. */
export function isWellFormedApiKey(candidate: string): boolean {
  return WELL_FORMED.test(candidate);
}

export function generateApiKey(): KeyMaterial {
  const secret = API_KEY_PREFIX + randomBase62(RANDOM_CHARS);
  return {
    secret,
    hash: hashApiKey(secret),
    displayPrefix: secret.slice(0, API_KEY_PREFIX.length + DISPLAY_PREFIX_CHARS),
    displaySuffix: secret.slice(-DISPLAY_SUFFIX_CHARS),
  };
}

/** How a key is shown once its secret is gone: `al-AbCd...wxyz`. */
export function displayKey(prefix: string, suffix: string): string {
  return `${prefix}...${suffix}`;
}

/** Masks a presented (possibly unknown) key for an error message without echoing the secret. */
export function maskPresentedKey(candidate: string): string {
  return displayKey(candidate.slice(0, API_KEY_PREFIX.length + DISPLAY_PREFIX_CHARS), candidate.slice(-DISPLAY_SUFFIX_CHARS));
}

export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
