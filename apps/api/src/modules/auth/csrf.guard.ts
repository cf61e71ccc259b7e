import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER, CSRF_HEADER_VALUE, INTERNAL_API_PREFIX } from '@apilink/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../common/errors/app-error';
import { CSRF_EXEMPT } from '../../common/http/csrf-exempt.decorator';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global: a state-changing /api request must carry `x-apilink-csrf: 1`. A cross-site form cannot
 * set a custom header, and a cross-site fetch that does needs a CORS preflight this API never
 * allows; the SameSite=Lax cookie is the second layer. /v1 uses bearer keys, not cookies.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    if (this.reflector.get<boolean>(CSRF_EXEMPT, context.getHandler())) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const path = request.url.split('?')[0];
    if (SAFE_METHODS.has(request.method) || !(path === INTERNAL_API_PREFIX || path.startsWith(`${INTERNAL_API_PREFIX}/`))) return true;
    if (request.headers[CSRF_HEADER] === CSRF_HEADER_VALUE) return true;
    throw AppError.forbidden(`Missing the ${CSRF_HEADER}: ${CSRF_HEADER_VALUE} header required on state-changing requests`);
  }
}
