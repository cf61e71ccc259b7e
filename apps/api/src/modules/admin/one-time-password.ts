import { randomBytes } from 'node:crypto';

/** 144 random bits, 24 URL-safe characters: strong whatever the strength check weighs. */
const ONE_TIME_PASSWORD_BYTES = 18;

/** A password staff hand over (account creation, reset); the person must replace it at sign-in. */
export function generateOneTimePassword(): string {
  return randomBytes(ONE_TIME_PASSWORD_BYTES).toString('base64url');
}
