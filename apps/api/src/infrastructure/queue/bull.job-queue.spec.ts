import { randomUUID } from 'node:crypto';
import type Bull from 'bull';
import type Redis from 'ioredis';
import { BullJobQueue } from './bull.job-queue';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUEUE = 'key-last-used';

type BullInternals = Bull.Queue & { bclientInitialized?: boolean; bclient: Redis };

/** The Bull queue behind one of ours, to watch its connections (internal to BullJobQueue). */
function bullQueue(queue: BullJobQueue): BullInternals {
  return queue['queues'].get(QUEUE) as BullInternals;
}

/**
 * Jest fails the running test on an unhandled rejection; a promise dropped during close rejects a
 * few ticks after close resolves, so the test stays open a little longer to see it.
 */
const rejectionsSurface = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('BullJobQueue', () => {
  it('shuts down at once while Redis is unreachable, instead of waiting for jobs that cannot be sent', async () => {
    // Nothing listens on port 1: the connection is refused and retried in the background.
    const queue = new BullJobQueue('redis://127.0.0.1:1', 'apilink-test:');
    queue.enqueue('key-last-used', { stamps: [] });
    // Far longer than this test's time limit: only skipping the wait lets it finish.
    await queue.drain(60_000);
    await queue.close();
  }, 3_000);

  it('closes while its blocking connection is still in its handshake without an unhandled rejection', async () => {
    const queue = new BullJobQueue(REDIS_URL, `apilink-test:${randomUUID()}:`);
    queue.process(QUEUE, async () => undefined);
    const bull = bullQueue(queue);
    while (!bull.bclientInitialized) await new Promise((resolve) => setImmediate(resolve));
    // The moment the operator CLI's short commands closed in, 1 run in 15-30: Bull's CLIENT SETNAME
    // was rejected with "Connection is closed." and nothing awaited it.
    await new Promise((resolve) => bull.bclient.once('connect', resolve));
    await queue.close();
    await rejectionsSurface();
    expect(bull.clients.map((client) => client.status)).toEqual(['end', 'end', 'end']);
  });

  it('closes right after it started processing without leaving a connection open', async () => {
    const queue = new BullJobQueue(REDIS_URL, `apilink-test:${randomUUID()}:`);
    queue.process(QUEUE, async () => undefined);
    // Closed before any connection was up, Bull's start-up went on and opened the others after its close.
    await queue.close();
    await rejectionsSurface();
    expect(bullQueue(queue).clients.map((client) => client.status)).toEqual(['end', 'end', 'end']);
  });
});
