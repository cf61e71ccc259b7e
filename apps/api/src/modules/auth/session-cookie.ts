import '@fastify/cookie';
import { SESSION_COOKIE_NAME } from '@apilink/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function readSessionCookie(request: FastifyRequest): string | undefined {
  return request.cookies?.[SESSION_COOKIE_NAME];
}

/** httpOnly so scripts cannot read it; SameSite=Lax as CSRF's second layer; Secure in production. */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE_NAME, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE_NAME, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
