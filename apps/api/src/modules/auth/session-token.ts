import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The session cookie's value: the session id and an HMAC-SHA256 of it, so a forged or altered
 * cookie is refused before any database read. Expiry and revocation live in the session row.
 */
export function signSessionToken(sessionId: string, secret: string): string {
  return `${sessionId}.${mac(sessionId, secret)}`;
}

/** The session id, or null when the token is malformed or its signature does not match. */
export function verifySessionToken(token: string, secret: string): string | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const sessionId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(sessionId, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? sessionId : null;
}

function mac(value: string, secret: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}
