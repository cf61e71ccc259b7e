import { Module } from '@nestjs/common';
import type Redis from 'ioredis';
import type { ConfigOf } from '../../config/define-config';
import { rateLimitConfig } from '../../config/rate-limit.config';
import { REDIS_CLIENT } from '../../infrastructure/redis/redis.tokens';
import { FailoverRateLimitStore } from './failover.rate-limit-store';
import { MemoryRateLimitStore } from './memory.rate-limit-store';
import { RATE_LIMIT_STORE } from './rate-limit.tokens';
import { RedisRateLimitStore } from './redis.rate-limit-store';

/** Chooses the counter store once at boot: Redis (with an in-process fallback) or in-process. */
@Module({
  providers: [
    {
      provide: RATE_LIMIT_STORE,
      inject: [REDIS_CLIENT, rateLimitConfig.KEY],
      useFactory: (redis: Redis | null, config: ConfigOf<typeof rateLimitConfig>) =>
        redis
          ? new FailoverRateLimitStore(new RedisRateLimitStore(redis), new MemoryRateLimitStore(), config.instances)
          : new MemoryRateLimitStore(),
    },
  ],
  exports: [RATE_LIMIT_STORE],
})
export class RateLimitStoreModule {}
