import { BullJobQueue } from './bull.job-queue';

describe('BullJobQueue', () => {
  it('shuts down at once while Redis is unreachable, instead of waiting for jobs that cannot be sent', async () => {
    // Nothing listens on port 1: the connection is refused and retried in the background.
    const queue = new BullJobQueue('redis://127.0.0.1:1', 'apilink-test:');
    queue.enqueue('key-last-used', { stamps: [] });
    // Far longer than this test's time limit: only skipping the wait lets it finish.
    await queue.drain(60_000);
    await queue.close();
  }, 3_000);
});
