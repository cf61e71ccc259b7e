import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { PASSWORD_MAX_LENGTH } from '@apilink/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../common/errors/app-error';
import { BAD_CREDENTIALS_MESSAGE } from './local.strategy';

/**
 * Runs passport-local on the login route; the user lands on `request.user`. Guards run before
 * the validation pipe, so the body's shape is checked here.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    const body = context.switchToHttp().getRequest<FastifyRequest>().body as Record<string, unknown> | undefined;
    for (const field of ['email', 'password'] as const) {
      const value = body?.[field];
      if (typeof value !== 'string' || value.length === 0) throw AppError.invalidRequest(`${field} is required`, field);
      if (value.length > PASSWORD_MAX_LENGTH + 64) throw AppError.invalidRequest(`${field} is too long`, field);
    }
    return super.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw AppError.unauthenticated(BAD_CREDENTIALS_MESSAGE);
    return user;
  }
}
