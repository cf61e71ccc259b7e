import { randomBytes } from 'node:crypto';
import { UpstreamKeyCipher, UpstreamKeyDecryptionError } from './upstream-key-cipher';

describe('UpstreamKeyCipher', () => {
  const cipher = new UpstreamKeyCipher(randomBytes(32));

  it('round-trips a key bound to its account', () => {
    const envelope = cipher.encrypt('sk-live-1234567890abcd', 'account-1');
    expect(cipher.decrypt(envelope, 'account-1')).toBe('sk-live-1234567890abcd');
  });

  it('never stores the plaintext and uses a fresh IV each time', () => {
    const first = cipher.encrypt('sk-live-1234567890abcd', 'account-1');
    const second = cipher.encrypt('sk-live-1234567890abcd', 'account-1');
    expect(first).not.toContain('sk-live');
    expect(Buffer.from(first.split('.')[2], 'base64url').toString('utf8')).not.toContain('sk-live');
    expect(first).not.toBe(second);
  });

  it('refuses a ciphertext moved onto another account', () => {
    const envelope = cipher.encrypt('sk-secret', 'account-1');
    expect(() => cipher.decrypt(envelope, 'account-2')).toThrow(UpstreamKeyDecryptionError);
  });

  it('refuses a tampered ciphertext', () => {
    const envelope = cipher.encrypt('sk-secret', 'account-1');
    const [version, fingerprint, payload] = envelope.split('.');
    const bytes = Buffer.from(payload, 'base64url');
    bytes[bytes.length - 1] ^= 0x01;
    expect(() => cipher.decrypt(`${version}.${fingerprint}.${bytes.toString('base64url')}`, 'account-1')).toThrow(/failed authentication/);
  });

  it('says so when the encryption key changed', () => {
    const envelope = cipher.encrypt('sk-secret', 'account-1');
    expect(() => new UpstreamKeyCipher(randomBytes(32)).decrypt(envelope, 'account-1')).toThrow(/another UPSTREAM_ENCRYPTION_KEY/);
  });

  it('rejects keys that are not 32 bytes', () => {
    expect(() => new UpstreamKeyCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
