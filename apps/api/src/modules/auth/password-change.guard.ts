import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@apilink/contracts';
import type { FastifyRequest } from 'fastify';
import { AUTH_REQUIREMENT, type AuthRequirement } from '../../common/auth/auth.decorator';
import { AppError } from '../../common/errors/app-error';
import { OPEN_BEFORE_PASSWORD_CHANGE } from './open-before-password-change.decorator';

const SESSION_KINDS = new Set<AuthRequirement>(['session', 'staff', 'admin']);

export const PASSWORD_CHANGE_REQUIRED_MESSAGE =
  'Choose a new password to continue: this account still has the one-time password it was created with (POST /api/auth/change-password)';

/**
 * Global, after AuthGuard (AuthModule is imported after AuthCoreModule): a session whose account
 * still has a staff-issued one-time password reaches only the routes marked
 * `@OpenBeforePasswordChange()`. The one-time password travelled through a channel staff chose
 * (chat, ticket), so until it is replaced it proves little about who holds it. API keys are not
 * concerned: such an account has none yet, and making one needs a session that passed here.
 */
@Injectable()
export class PasswordChangeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_REQUIREMENT, targets);
    if (!requirement || !SESSION_KINDS.has(requirement)) return true;
    const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
    // AuthGuard sets the principal or throws; reaching here without one is a wiring bug, so fail closed.
    if (principal?.kind !== 'session') throw new Error('The password-change guard needs the session principal set by AuthGuard');
    if (!principal.passwordChangeRequired) return true;
    if (this.reflector.getAllAndOverride<boolean>(OPEN_BEFORE_PASSWORD_CHANGE, targets)) return true;
    throw AppError.forbidden(PASSWORD_CHANGE_REQUIRED_MESSAGE, ErrorCode.PasswordChangeRequired);
  }
}
