import { Inject, Module, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import type { ConfigOf } from '../../config/define-config';
import { rateLimitConfig } from '../../config/rate-limit.config';
import { INSTANCE_ID } from '../../infrastructure/instance-id';
import { PUB_SUB, type PubSub } from '../../infrastructure/pubsub/pubsub.tokens';
import { REDIS_CLIENT } from '../../infrastructure/redis/redis.tokens';
import { FailoverRateLimitStore } from './failover.rate-limit-store';
import { LeasedRateLimitStore } from './leased.rate-limit-store';
import { MemoryRateLimitStore } from './memory.rate-limit-store';
import { KEY_RATE_LIMIT_STORE, RATE_LIMIT_STORE, type RateLimitStore } from './rate-limit.tokens';
import { RedisRateLimitStore } from './redis.rate-limit-store';

type RateLimitSettings = ConfigOf<typeof rateLimitConfig>;

const REDIS_STORE = Symbol('REDIS_RATE_LIMIT_STORE');
const LEASED_STORE = Symbol('LEASED_RATE_LIMIT_STORE');
/** The per-instance windows used without Redis and while it is unreachable. */
const MEMORY_STORE = Symbol('MEMORY_RATE_LIMIT_STORE');

/**
 * Chooses the counter stores once at boot: Redis (with an in-process fallback) or in-process.
 * RATE_LIMIT_STORE counts every hit in Redis (sign-in throttles); KEY_RATE_LIMIT_STORE, for the
 * per-key /v1 limits, also serves busy keys from per-instance token leases (RATE_LIMIT_LEASES).
 */
@Module({
  providers: [
    { provide: MEMORY_STORE, useFactory: () => new MemoryRateLimitStore() },
    {
      provide: REDIS_STORE,
      inject: [REDIS_CLIENT, INSTANCE_ID],
      useFactory: (redis: Redis | null, instanceId: string) => (redis ? new RedisRateLimitStore(redis, instanceId) : null),
    },
    {
      provide: LEASED_STORE,
      inject: [REDIS_STORE, PUB_SUB, INSTANCE_ID, rateLimitConfig.KEY],
      useFactory: (redis: RedisRateLimitStore | null, pubSub: PubSub, instanceId: string, config: RateLimitSettings) =>
        redis && config.leases ? new LeasedRateLimitStore(redis, pubSub, instanceId) : null,
    },
    {
      provide: RATE_LIMIT_STORE,
      inject: [REDIS_STORE, MEMORY_STORE, rateLimitConfig.KEY],
      useFactory: (redis: RedisRateLimitStore | null, memory: MemoryRateLimitStore, config: RateLimitSettings) =>
        redis ? new FailoverRateLimitStore(redis, memory, config.instances) : memory,
    },
    {
      provide: KEY_RATE_LIMIT_STORE,
      inject: [LEASED_STORE, RATE_LIMIT_STORE, MEMORY_STORE, rateLimitConfig.KEY],
      useFactory: (leased: LeasedRateLimitStore | null, exact: RateLimitStore, memory: MemoryRateLimitStore, config: RateLimitSettings) =>
        leased ? new FailoverRateLimitStore(leased, memory, config.instances) : exact,
    },
  ],
  exports: [RATE_LIMIT_STORE, KEY_RATE_LIMIT_STORE],
})
export class RateLimitStoreModule implements OnModuleInit, BeforeApplicationShutdown {
  constructor(@Inject(LEASED_STORE) private readonly leased: LeasedRateLimitStore | null) {}

  onModuleInit(): void {
    this.leased?.start();
  }

  /** Unused tokens go back while Redis is still open (it closes in the next phase). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.leased?.shutdown();
  }
}
