import { randomUUID } from 'node:crypto';
import { createRedisClient } from '../../../src/infrastructure/redis/redis-client.factory';
import { RedisPubSub } from '../../../src/infrastructure/pubsub/redis.pubsub';
import { BullJobQueue } from '../../../src/infrastructure/queue/bull.job-queue';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function pubSubInstance(prefix: string) {
  return new RedisPubSub(createRedisClient(REDIS_URL, prefix), createRedisClient(REDIS_URL, '', 'subscriber'), prefix);
}

describe('Redis-backed strategies shared by several API instances', () => {
  it('delivers a pub/sub message published on one instance to every instance', async () => {
    const prefix = `apilink-test:${randomUUID()}:`;
    const [a, b] = [pubSubInstance(prefix), pubSubInstance(prefix)];
    try {
      const received: string[] = [];
      const both = new Promise<void>((resolve) => {
        const handler = (message: string) => {
          received.push(message);
          if (received.length === 2) resolve();
        };
        a.subscribe('keys.revoked', handler);
        b.subscribe('keys.revoked', handler);
      });
      await new Promise((resolve) => setTimeout(resolve, 200)); // let both SUBSCRIBEs reach Redis
      await a.publish('keys.revoked', 'key-123');
      await both;
      expect(received).toEqual(['key-123', 'key-123']);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('processes every Bull job exactly once across two instances', async () => {
    const prefix = `apilink-test:${randomUUID()}:`;
    const [producer, worker] = [new BullJobQueue(REDIS_URL, prefix), new BullJobQueue(REDIS_URL, prefix)];
    try {
      const seen: number[] = [];
      worker.process<number>('numbers', async (batch) => void seen.push(...batch));
      for (let n = 1; n <= 20; n++) producer.enqueue('numbers', n);
      await producer.drain();
      const deadline = Date.now() + 5_000;
      while (seen.length < 20 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect([...seen].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    } finally {
      await Promise.all([producer.close(), worker.close()]);
    }
  });
});
