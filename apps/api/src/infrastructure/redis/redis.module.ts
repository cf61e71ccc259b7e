import { Global, Inject, Module, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import type { ConfigOf } from '../../config/define-config';
import { redisConfig } from '../../config/redis.config';
import { INSTANCE_ID, newInstanceId } from '../instance-id';
import { InProcessPubSub } from '../pubsub/in-process.pubsub';
import { PUB_SUB } from '../pubsub/pubsub.tokens';
import { RedisPubSub } from '../pubsub/redis.pubsub';
import { BullJobQueue } from '../queue/bull.job-queue';
import { InProcessJobQueue } from '../queue/in-process.job-queue';
import { JOB_QUEUE } from '../queue/job-queue.tokens';
import { createRedisClient } from './redis-client.factory';
import { REDIS_CLIENT } from './redis.tokens';

type RedisSettings = ConfigOf<typeof redisConfig>;

// A shutdown never waits longer than this for queued jobs (e.g. while Redis is unreachable).
const SHUTDOWN_DRAIN_TIMEOUT_MS = 5_000;

/**
 * Chooses once at boot between Redis-backed and in-process strategies for pub/sub and queues,
 * so the features using them never ask whether Redis is configured.
 */
@Global()
@Module({
  providers: [
    // Whose credit leases and rate-limit tokens are whose, between instances sharing PostgreSQL and Redis.
    { provide: INSTANCE_ID, useFactory: newInstanceId },
    {
      provide: REDIS_CLIENT,
      inject: [redisConfig.KEY],
      useFactory: (config: RedisSettings) => (config.url ? createRedisClient(config.url, config.keyPrefix) : null),
    },
    {
      provide: PUB_SUB,
      inject: [redisConfig.KEY, REDIS_CLIENT],
      useFactory: (config: RedisSettings, client: Redis | null) =>
        client && config.url
          ? new RedisPubSub(client, createRedisClient(config.url, '', 'subscriber'), config.keyPrefix)
          : new InProcessPubSub(),
    },
    {
      provide: JOB_QUEUE,
      inject: [redisConfig.KEY],
      useFactory: (config: RedisSettings) =>
        config.url ? new BullJobQueue(config.url, config.keyPrefix) : new InProcessJobQueue(),
    },
  ],
  exports: [INSTANCE_ID, REDIS_CLIENT, PUB_SUB, JOB_QUEUE],
})
export class RedisModule implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(REDIS_CLIENT) private readonly client: Redis | null,
    @Inject(PUB_SUB) private readonly pubSub: InProcessPubSub | RedisPubSub,
    @Inject(JOB_QUEUE) private readonly jobQueue: InProcessJobQueue | BullJobQueue,
  ) {}

  /** Finish queued work while the database is still open (TypeORM closes in the next phase). */
  async beforeApplicationShutdown(): Promise<void> {
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_DRAIN_TIMEOUT_MS).unref());
    await Promise.race([this.jobQueue.drain().catch(() => undefined), timeout]);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.jobQueue instanceof BullJobQueue) await this.jobQueue.close();
    if (this.pubSub instanceof RedisPubSub) await this.pubSub.close();
    this.client?.disconnect();
  }
}
