import { randomUUID } from 'node:crypto';
import { createRedisClient } from '../../../src/infrastructure/redis/redis-client.factory';
import { RedisPubSub } from '../../../src/infrastructure/pubsub/redis.pubsub';
import { BullJobQueue } from '../../../src/infrastructure/queue/bull.job-queue';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** One instance's pub/sub and a `close` that also quits its publishing client (in the app, the Redis module's). */
function pubSubInstance(prefix: string) {
  const publisher = createRedisClient(REDIS_URL, prefix);
  const pubSub = new RedisPubSub(publisher, createRedisClient(REDIS_URL, '', 'subscriber'), prefix);
  const close = async () => {
    await pubSub.close();
    publisher.disconnect();
  };
  return { pubSub, close };
}

describe('Redis-backed strategies shared by several API instances', () => {
  it('delivers a pub/sub message published on one instance to every instance', async () => {
    const prefix = `apilink-test:${randomUUID()}:`;
    const [a, b] = [pubSubInstance(prefix), pubSubInstance(prefix)];
    try {
      const receivedBy = { a: new Set<string>(), b: new Set<string>() };
      a.pubSub.subscribe('keys.revoked', (message) => receivedBy.a.add(message));
      b.pubSub.subscribe('keys.revoked', (message) => receivedBy.b.add(message));
      // SUBSCRIBE is asynchronous: publish numbered messages until both instances have heard one.
      for (let n = 0; n < 100 && (receivedBy.a.size === 0 || receivedBy.b.size === 0); n++) {
        await a.pubSub.publish('keys.revoked', `key-${n}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const heardByBoth = [...receivedBy.a].filter((message) => receivedBy.b.has(message));
      expect(heardByBoth.length).toBeGreaterThan(0);
      // Once subscribed, every later message reaches both.
      await a.pubSub.publish('keys.revoked', 'final');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(receivedBy.a.has('final') && receivedBy.b.has('final')).toBe(true);
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
