import { createHmac } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ErrorCode, ErrorType } from '@apilink/contracts';
import { AppError } from '../../common/errors/app-error';
import { authConfig } from '../../config/auth.config';
import type { ConfigOf } from '../../config/define-config';
import { RATE_LIMIT_STORE, type RateLimitRecord, type RateLimitStore } from '../rate-limit/rate-limit.tokens';
import { normalizeEmail } from './users.service';

/** The first delay once an (email, address) pair has used its free attempts; it doubles per attempt. */
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;

/**
 * Brute-force brake on sign-up, login and password changes, counted before any password is
 * checked, whether the email exists or not:
 * - per client IP: a hard limit within the window, whatever emails it tries;
 * - per (email, client IP): a few free attempts, then each must wait longer than the last
 *   (1 s, 2 s, 4 s, ... up to 60 s). There is no lock per email alone: failures from an
 *   attacker's addresses never slow the owner down at theirs.
 * Keys are HMACs of the email and address (keyed with SESSION_SECRET when set), so Redis never
 * holds who tried to sign in from where.
 */
@Injectable()
export class AuthThrottle {
  private readonly hashKey: string;

  constructor(
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    @Inject(authConfig.KEY) private readonly config: ConfigOf<typeof authConfig>,
  ) {
    this.hashKey = config.sessionSecret ?? 'apilink-auth-throttle';
  }

  async attempt(ip: string, email?: string): Promise<void> {
    const { windowMs, maxPerIp, maxPerEmail } = this.config.throttle;
    const perIp = await this.store.increment(`auth:ip:${this.hash(ip)}`, windowMs, maxPerIp);
    if (perIp.isBlocked) throw tooManyAttempts(perIp);
    if (!email) return;
    const pair = this.hash(`${normalizeEmail(email)}\n${ip}`);
    const { totalHits } = await this.store.increment(`auth:pair:${pair}`, windowMs, Number.MAX_SAFE_INTEGER);
    if (totalHits <= maxPerEmail) return;
    // A gate that lives for the delay: the first hit opens it (this attempt goes ahead), any
    // other hit while it lives is refused. Refused hits still count, so hammering only grows the delay.
    const delayMs = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (totalHits - maxPerEmail - 1));
    const gate = await this.store.increment(`auth:gate:${pair}`, delayMs, 1);
    if (gate.isBlocked) throw tooManyAttempts(gate);
  }

  private hash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value).digest('base64url');
  }
}

function tooManyAttempts(record: RateLimitRecord): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(record.resetMs / 1000));
  return new AppError(`Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
    status: HttpStatus.TOO_MANY_REQUESTS,
    type: ErrorType.RateLimit,
    code: ErrorCode.RateLimitExceeded,
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
}
