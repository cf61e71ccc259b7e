import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LeanRoutes } from '../../common/auth/lean-routes';
import { ApiKeyThrottlerGuard, apiKeyPrincipalOf, enforceKeyRateLimit, RATE_LIMIT_WINDOW_MS } from './api-key-throttler.guard';
import { RateLimitStoreModule } from './rate-limit-store.module';
import { KEY_RATE_LIMIT_STORE, type RateLimitStore } from './rate-limit.tokens';

/**
 * Per-key requests-per-minute limits on every `@Auth('api-key')` route. Import it after the
 * infrastructure modules so its global guard runs after AuthGuard has resolved the key. It also
 * exports the stores for other throttles (login and sign-up attempts). The lean /v1 routes,
 * which bypass Nest's guards, get the same limit as a gate.
 */
@Module({
  imports: [
    RateLimitStoreModule,
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStoreModule],
      inject: [KEY_RATE_LIMIT_STORE],
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
export class RateLimitModule implements OnModuleInit {
  constructor(
    private readonly leanRoutes: LeanRoutes,
    @Inject(KEY_RATE_LIMIT_STORE) private readonly store: RateLimitStore,
  ) {}

  onModuleInit(): void {
    this.leanRoutes.addGate('api-key', (request, reply) => enforceKeyRateLimit(this.store, request, reply));
  }
}
