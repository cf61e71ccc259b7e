import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';
import { AUTH_REQUIREMENT, type AuthRequirement } from './auth.decorator';
import { AuthenticatorRegistry } from './authenticator.registry';

/** Global default-deny guard: a route without an auth declaration is never served. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly registry: AuthenticatorRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_REQUIREMENT, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (requirement === 'public') return true;
    if (!requirement) {
      this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} declares no authentication`);
      throw AppError.forbidden('This route is not available');
    }
    const authenticator = this.registry.get(requirement);
    if (!authenticator) throw AppError.serviceUnavailable(`Authentication "${requirement}" is not configured`);
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    request.principal = await authenticator.authenticate(request, http.getResponse<FastifyReply>(), requirement);
    return true;
  }
}
