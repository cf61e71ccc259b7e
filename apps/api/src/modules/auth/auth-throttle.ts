import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ErrorCode, ErrorType } from '@apilink/contracts';
import { AppError } from '../../common/errors/app-error';
import { authConfig } from '../../config/auth.config';
import type { ConfigOf } from '../../config/define-config';
import { RATE_LIMIT_STORE, type RateLimitStore } from '../rate-limit/rate-limit.tokens';
import { normalizeEmail } from './users.service';

/**
 * Brute-force brake on sign-up, login and password changes: attempts per client IP and per email
 * within a window, counted before any password is checked, whether the email exists or not.
 */
@Injectable()
export class AuthThrottle {
  constructor(
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    @Inject(authConfig.KEY) private readonly config: ConfigOf<typeof authConfig>,
  ) {}

  async attempt(ip: string, email?: string): Promise<void> {
    const { windowMs, maxPerIp, maxPerEmail } = this.config.throttle;
    const checks = [this.store.increment(`auth:ip:${ip}`, windowMs, maxPerIp)];
    if (email) checks.push(this.store.increment(`auth:email:${normalizeEmail(email)}`, windowMs, maxPerEmail));
    const blocked = (await Promise.all(checks)).filter((record) => record.isBlocked);
    if (blocked.length === 0) return;
    const retryAfterSeconds = Math.max(1, ...blocked.map((record) => Math.ceil(record.resetMs / 1000)));
    throw new AppError(`Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
      status: HttpStatus.TOO_MANY_REQUESTS,
      type: ErrorType.RateLimit,
      code: ErrorCode.RateLimitExceeded,
      headers: { 'retry-after': String(retryAfterSeconds) },
    });
  }
}
