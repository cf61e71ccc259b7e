import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@apilink/contracts';
import type { FastifyRequest } from 'fastify';
import type { Authenticator } from '../../common/auth/authenticator.registry';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import type { ConfigOf } from '../../config/define-config';
import { rateLimitConfig } from '../../config/rate-limit.config';
import { ApiKeyLookupService } from './api-key-lookup.service';
import { hashApiKey, hashesEqual, isWellFormedApiKey, maskPresentedKey } from './key-material';
import { KeyUsageRecorder } from './key-usage.recorder';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

function invalidKey(message: string): AppError {
  return AppError.unauthenticated(message, ErrorCode.InvalidApiKey);
}

/**
 * The key a /v1 caller presents: `Authorization: Bearer al-...`, or `x-api-key: al-...` as
 * Anthropic's clients send it (Claude Code's ANTHROPIC_API_KEY); Authorization wins when both are sent.
 */
function presentedKey(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const xApiKey = request.headers['x-api-key'];
  if (!header && typeof xApiKey === 'string' && xApiKey !== '') {
    if (!isWellFormedApiKey(xApiKey.trim())) throw invalidKey('Malformed API key: expected an x-api-key header holding an "al-" key.');
    return xApiKey.trim();
  }
  if (!header) {
    throw invalidKey(
      "You didn't provide an API key. Provide it in an Authorization header using Bearer auth (Authorization: Bearer al-...) or in an x-api-key header.",
    );
  }
  const presented = BEARER.exec(header)?.[1];
  if (!presented || !isWellFormedApiKey(presented)) {
    throw invalidKey('Malformed API key: expected an Authorization header of the form "Bearer al-" followed by the key.');
  }
  return presented;
}

/**
 * `Authorization: Bearer al-...` (or `x-api-key`) for /v1. Each failure says what is wrong with the key presented,
 * never anything about keys the caller does not hold. A known key costs no database read.
 */
@Injectable()
export class ApiKeyAuthenticator implements Authenticator {
  constructor(
    private readonly lookup: ApiKeyLookupService,
    private readonly usage: KeyUsageRecorder,
    @Inject(rateLimitConfig.KEY) private readonly rateLimits: ConfigOf<typeof rateLimitConfig>,
  ) {}

  async authenticate(request: FastifyRequest): Promise<ApiKeyPrincipal> {
    const presented = presentedKey(request);
    const hash = hashApiKey(presented);
    const key = await this.lookup.resolve(hash);
    if (!key || !hashesEqual(hash, key.keyHash)) {
      throw invalidKey(`Incorrect API key provided: ${maskPresentedKey(presented)}. Check the key in your ApiLink dashboard.`);
    }
    if (key.revokedAt !== null) throw invalidKey(`The API key ${maskPresentedKey(presented)} has been revoked.`);
    if (key.expiresAt !== null && key.expiresAt <= Date.now()) {
      throw invalidKey(`The API key ${maskPresentedKey(presented)} expired at ${new Date(key.expiresAt).toISOString()}.`);
    }
    if (key.userDisabled) throw invalidKey(`The account that owns the API key ${maskPresentedKey(presented)} is disabled.`);
    this.usage.touch(key.keyId);
    return {
      kind: 'api-key',
      userId: key.userId,
      keyId: key.keyId,
      rpmLimit: key.rpmLimit ?? this.rateLimits.defaultRpm,
      spendCapMicros: key.spendCapMicros,
    };
  }
}
