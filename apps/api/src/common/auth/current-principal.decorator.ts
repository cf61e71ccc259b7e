import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ApiKeyPrincipal, SessionPrincipal } from './principal';

function principalOf(context: ExecutionContext, kind: 'api-key' | 'session'): ApiKeyPrincipal | SessionPrincipal {
  const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
  // The route's @Auth decides the kind; a mismatch means the decorator is on the wrong route.
  if (principal?.kind !== kind) throw new Error(`This route has no ${kind} principal; check its @Auth declaration`);
  return principal;
}

/** The logged-in dashboard user of a `session`, `staff` or `admin` route. */
export const CurrentSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): SessionPrincipal => principalOf(context, 'session') as SessionPrincipal,
);

/** The API key calling an `api-key` route. */
export const CurrentApiKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ApiKeyPrincipal => principalOf(context, 'api-key') as ApiKeyPrincipal,
);
