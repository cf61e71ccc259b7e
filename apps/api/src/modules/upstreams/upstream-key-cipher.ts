/**
 * AES-256-GCM for upstream API keys at rest. Each ciphertext is bound (as associated data) to the
 * account it belongs to, so a ciphertext copied onto another row does not decrypt, and carries a
 * fingerprint of the key that made it, so a changed UPSTREAM_ENCRYPTION_KEY is reported as such.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class UpstreamKeyDecryptionError extends Error {}

export class UpstreamKeyCipher {
  private readonly fingerprint: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The upstream encryption key must be 32 bytes');
    this.fingerprint = createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  encrypt(plaintext: string, boundTo: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const payload = Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
    return `${VERSION}.${this.fingerprint}.${payload}`;
  }

  decrypt(envelope: string, boundTo: string): string {
    const [version, fingerprint, payload] = envelope.split('.');
    if (version !== VERSION || !payload) throw new UpstreamKeyDecryptionError('Unknown upstream key ciphertext format');
    if (fingerprint !== this.fingerprint) {
      throw new UpstreamKeyDecryptionError('The upstream key was encrypted under another UPSTREAM_ENCRYPTION_KEY');
    }
    const bytes = Buffer.from(payload, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new UpstreamKeyDecryptionError('The upstream key ciphertext failed authentication (tampered or moved)');
    }
  }
}
