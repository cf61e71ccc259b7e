import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthKind } from '../../common/auth/auth.decorator';
import type { Authenticator } from '../../common/auth/authenticator.registry';
import type { SessionPrincipal, UserRole } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { readSessionCookie } from './session-cookie';
import { SessionsService } from './sessions.service';

const ALLOWED_ROLES: Partial<Record<AuthKind, readonly UserRole[]>> = {
  session: ['customer', 'support', 'admin'],
  staff: ['support', 'admin'],
  admin: ['admin'],
};

/** `session`, `staff` (support or admin) and `admin` routes: the signed session cookie. */
@Injectable()
export class SessionAuthenticator implements Authenticator {
  constructor(private readonly sessions: SessionsService) {}

  async authenticate(request: FastifyRequest, _reply: unknown, kind: AuthKind): Promise<SessionPrincipal> {
    const session = await this.sessions.resolve(readSessionCookie(request));
    if (session.status === 'disabled') throw AppError.unauthenticated('This account is disabled');
    if (session.status !== 'ok') throw AppError.unauthenticated('Log in to continue: your session is missing or has expired');
    if (!ALLOWED_ROLES[kind]?.includes(session.principal.role)) throw AppError.forbidden();
    return session.principal;
  }
}
