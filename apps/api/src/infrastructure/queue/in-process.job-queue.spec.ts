import { InProcessJobQueue } from './in-process.job-queue';

describe('InProcessJobQueue', () => {
  it('hands jobs to the handler in batches, including jobs enqueued before the handler registered', async () => {
    const queue = new InProcessJobQueue();
    const batches: number[][] = [];
    queue.enqueue('numbers', 1);
    queue.process<number>('numbers', async (batch) => void batches.push(batch), { batchSize: 2 });
    queue.enqueue('numbers', 2);
    queue.enqueue('numbers', 3);
    await queue.drain();
    expect(batches.flat()).toEqual([1, 2, 3]);
    expect(Math.max(...batches.map((batch) => batch.length))).toBeLessThanOrEqual(2);
  });

  it('retries a failing batch until it succeeds', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    try {
      const queue = new InProcessJobQueue();
      let attempts = 0;
      queue.process<string>('flaky', async () => {
        attempts += 1;
        if (attempts < 3) throw new Error('database busy');
      });
      queue.enqueue('flaky', 'job');
      const drained = queue.drain();
      for (let i = 0; i < 5; i++) await jest.advanceTimersByTimeAsync(5_000);
      await drained;
      expect(attempts).toBe(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
