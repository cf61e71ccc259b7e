import { HttpStatus, Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerRequest } from '@nestjs/throttler';
import { ErrorCode, ErrorType } from '@apilink/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_REQUIREMENT, type AuthRequirement } from '../../common/auth/auth.decorator';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { formatRateLimitDuration } from './rate-limit-duration';
import type { RateLimitRecord } from './rate-limit.tokens';

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

/**
 * Global guard, registered after the default-deny AuthGuard: every `@Auth('api-key')` route counts
 * against its key's requests-per-minute budget (one budget per key across all /v1 routes), other
 * routes are skipped. Answers 429 `rate_limit_exceeded` in the OpenAI envelope.
 */
@Injectable()
export class ApiKeyThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_REQUIREMENT, [
      context.getHandler(),
      context.getClass(),
    ]);
    return requirement !== 'api-key';
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return keyPrincipalOf(request as unknown as FastifyRequest).keyId;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:key:${tracker}`;
  }

  protected override async handleRequest({ context, limit, ttl, throttler, getTracker, generateKey }: ThrottlerRequest): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = generateKey(context, await getTracker(request, context), throttler.name ?? 'default');
    const record = (await this.storageService.increment(key, ttl, limit, 0, throttler.name ?? 'default')) as RateLimitRecord;
    const used = Math.min(record.totalHits, record.limit);
    void reply.header(RATE_LIMIT_HEADERS.limit, String(record.limit));
    void reply.header(RATE_LIMIT_HEADERS.remaining, String(record.limit - used));
    void reply.header(RATE_LIMIT_HEADERS.reset, formatRateLimitDuration(record.resetMs));
    if (!record.isBlocked) return true;
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
}
