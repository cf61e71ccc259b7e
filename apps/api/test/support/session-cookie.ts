import { SESSION_COOKIE_NAME } from '@apilink/contracts';
import type { Response } from 'supertest';

/** The whole Set-Cookie header of the session cookie, for tests that check its attributes. */
export function sessionSetCookie(response: Response): string {
  const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = header.find((value) => value.startsWith(`${SESSION_COOKIE_NAME}=`));
  if (!cookie) throw new Error('no session cookie set');
  return cookie;
}

/** The session cookie as `name=value`, ready to send back in a Cookie header. */
export function sessionCookie(response: Response): string {
  return sessionSetCookie(response).split(';')[0];
}
