import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApiKeyThrottlerGuard, apiKeyPrincipalOf, RATE_LIMIT_WINDOW_MS } from './api-key-throttler.guard';
import { RateLimitStoreModule } from './rate-limit-store.module';
import { RATE_LIMIT_STORE, type RateLimitStore } from './rate-limit.tokens';

/**
 * Per-key requests-per-minute limits on every `@Auth('api-key')` route. Import it after the
 * infrastructure modules so its global guard runs after AuthGuard has resolved the key. It also
 * exports RATE_LIMIT_STORE for other throttles (login and sign-up attempts).
 */
@Module({
  imports: [
    RateLimitStoreModule,
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStoreModule],
      inject: [RATE_LIMIT_STORE],
      useFactory: (storage: RateLimitStore) => ({
        storage,
        // The key's own limit or RATE_LIMIT_RPM, resolved by the api-key authenticator.
        throttlers: [{ name: 'rpm', ttl: RATE_LIMIT_WINDOW_MS, limit: (context) => apiKeyPrincipalOf(context).rpmLimit }],
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: ApiKeyThrottlerGuard }],
  exports: [RateLimitStoreModule],
})
export class RateLimitModule {}
