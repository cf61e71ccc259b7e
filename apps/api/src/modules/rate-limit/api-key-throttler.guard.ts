import { HttpStatus, Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ErrorCode, ErrorType } from '@apilink/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_REQUIREMENT, type AuthRequirement } from '../../common/auth/auth.decorator';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { formatRateLimitDuration } from './rate-limit-duration';
import type { RateLimitStore } from './rate-limit.tokens';

/** OpenAI's request-limit headers; the SDKs read them (and retry-after) to back off by themselves. */
export const RATE_LIMIT_HEADERS = {
  limit: 'x-ratelimit-limit-requests',
  remaining: 'x-ratelimit-remaining-requests',
  reset: 'x-ratelimit-reset-requests',
} as const;

function keyPrincipalOf(request: FastifyRequest): ApiKeyPrincipal {
  const principal = request.principal;
  // The global AuthGuard runs first; reaching here without a key principal is a wiring bug.
  if (principal?.kind !== 'api-key') throw new Error('Rate limiting needs the api-key principal set by AuthGuard');
  return principal;
}

export function apiKeyPrincipalOf(context: ExecutionContext): ApiKeyPrincipal {
  return keyPrincipalOf(context.switchToHttp().getRequest<FastifyRequest>());
}

/** The fixed window of the per-key requests-per-minute budget. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * Counts one request against its key's budget and sets OpenAI's rate-limit headers; throws the
 * 429 when the budget is spent. Shared by the Nest guard and the lean /v1 routes' gate.
 */
export async function enforceKeyRateLimit(store: RateLimitStore, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const principal = keyPrincipalOf(request);
  const record = await store.increment(`rpm:key:${principal.keyId}`, RATE_LIMIT_WINDOW_MS, principal.rpmLimit, 0, 'rpm');
  const used = Math.min(record.totalHits, record.limit);
  void reply.header(RATE_LIMIT_HEADERS.limit, String(record.limit));
  void reply.header(RATE_LIMIT_HEADERS.remaining, String(record.limit - used));
  void reply.header(RATE_LIMIT_HEADERS.reset, formatRateLimitDuration(record.resetMs));
  if (!record.isBlocked) return;
  const retryAfterMs = Math.max(1, record.resetMs);
  throw new AppError(
    `Rate limit reached for requests per min (RPM) on this API key: Limit ${record.limit}, Used ${used}, Requested 1. ` +
      `Please try again in ${formatRateLimitDuration(retryAfterMs)}.`,
    {
      status: HttpStatus.TOO_MANY_REQUESTS,
      type: ErrorType.RateLimitRequests,
      code: ErrorCode.RateLimitExceeded,
      headers: { 'retry-after': String(Math.ceil(retryAfterMs / 1000)), 'retry-after-ms': String(retryAfterMs) },
    },
  );
}

/**
 * Global guard, registered after the default-deny AuthGuard: every `@Auth('api-key')` route counts
 * against its key's requests-per-minute budget (one budget per key across all /v1 routes), other
 * routes are skipped. Answers 429 `rate_limit_exceeded` in the OpenAI envelope.
 *
 * It keeps @nestjs/throttler's module (options, storage) but not its generic per-request path
 * (a dozen metadata lookups and awaits per throttler, measured in the /v1 CPU profile): there is
 * one throttler, its limit is the key's own (resolved by the api-key authenticator), and whether a
 * route is skipped depends only on its handler, so that answer is kept per handler.
 */
@Injectable()
export class ApiKeyThrottlerGuard extends ThrottlerGuard {
  private readonly counted = new WeakMap<object, boolean>();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.counts(context)) return true;
    const http = context.switchToHttp();
    await enforceKeyRateLimit(this.storageService as RateLimitStore, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
    return true;
  }

  /** Whether the route is an `@Auth('api-key')` one (decided by its handler and class, so cached). */
  private counts(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let counted = this.counted.get(handler);
    if (counted === undefined) {
      const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_REQUIREMENT, [handler, context.getClass()]);
      counted = requirement === 'api-key';
      this.counted.set(handler, counted);
    }
    return counted;
  }
}
