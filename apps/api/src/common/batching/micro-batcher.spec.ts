import { MicroBatcher, type BatchResult } from './micro-batcher';

/** A runner whose batches finish only when the test says so. */
function controlledRunner() {
  const batches: { items: number[]; finish: (results?: BatchResult<string>[]) => void; fail: (error: Error) => void }[] = [];
  const run = (items: number[]) =>
    new Promise<BatchResult<string>[]>((resolve, reject) => {
      batches.push({
        items,
        finish: (results) => resolve(results ?? items.map((item) => ({ ok: true, value: `done ${item}` }))),
        fail: reject,
      });
    });
  return { batches, run };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('MicroBatcher', () => {
  it('runs a call made while idle at once, alone', async () => {
    const { batches, run } = controlledRunner();
    const batcher = new MicroBatcher(run, { maxBatchSize: 10 });
    const result = batcher.submit(1);
    expect(batches.map((batch) => batch.items)).toEqual([[1]]);
    batches[0].finish();
    await expect(result).resolves.toBe('done 1');
  });

  it('queues calls made while a batch runs and sends them together next, at most maxBatchSize at a time', async () => {
    const { batches, run } = controlledRunner();
    const batcher = new MicroBatcher(run, { maxBatchSize: 2 });
    const results = [1, 2, 3, 4].map((item) => batcher.submit(item));
    expect(batches.map((batch) => batch.items)).toEqual([[1]]);

    batches[0].finish();
    await tick();
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2, 3]]);
    batches[1].finish();
    await tick();
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2, 3], [4]]);
    batches[2].finish();
    await expect(Promise.all(results)).resolves.toEqual(['done 1', 'done 2', 'done 3', 'done 4']);
  });

  it('settles each call with its own item result', async () => {
    const { batches, run } = controlledRunner();
    const batcher = new MicroBatcher(run, { maxBatchSize: 10 });
    const first = batcher.submit(1);
    const [second, third] = [batcher.submit(2), batcher.submit(3)];
    batches[0].finish();
    await tick();
    batches[1].finish([
      { ok: false, error: new Error('refused 2') },
      { ok: true, value: 'done 3' },
    ]);
    await expect(first).resolves.toBe('done 1');
    await expect(second).rejects.toThrow('refused 2');
    await expect(third).resolves.toBe('done 3');
  });

  it('fails every call of a batch that throws, and goes on with the next batch', async () => {
    const { batches, run } = controlledRunner();
    const batcher = new MicroBatcher(run, { maxBatchSize: 10 });
    const first = batcher.submit(1);
    const second = batcher.submit(2);
    batches[0].fail(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await tick();
    batches[1].finish();
    await expect(second).resolves.toBe('done 2');
  });

  it('fails the batch when the runner returns the wrong number of results', async () => {
    const batcher = new MicroBatcher<number, string>(async () => [], { maxBatchSize: 10 });
    await expect(batcher.submit(1)).rejects.toThrow('A batch of 1 returned 0 results');
  });

  it('lets a call made while idle linger, so calls made meanwhile join its batch', async () => {
    jest.useFakeTimers();
    try {
      const { batches, run } = controlledRunner();
      const batcher = new MicroBatcher(run, { maxBatchSize: 10, lingerMs: 10 });
      const results = [batcher.submit(1), batcher.submit(2)];
      jest.advanceTimersByTime(9);
      expect(batches).toHaveLength(0);
      const third = batcher.submit(3);
      jest.advanceTimersByTime(1);
      expect(batches.map((batch) => batch.items)).toEqual([[1, 2, 3]]);
      batches[0].finish();
      await expect(Promise.all([...results, third])).resolves.toEqual(['done 1', 'done 2', 'done 3']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('counts calls not yet settled, queued or running', async () => {
    const { batches, run } = controlledRunner();
    const batcher = new MicroBatcher(run, { maxBatchSize: 2 });
    const results = [1, 2, 3].map((item) => batcher.submit(item));
    expect(batcher.size).toBe(3);
    batches[0].finish();
    await results[0];
    expect(batcher.size).toBe(2);
    await tick();
    batches[1].finish();
    await Promise.all(results);
    expect(batcher.size).toBe(0);
  });

  it('drains: resolves once every call has settled, calls made while it waits and lingering ones included', async () => {
    jest.useFakeTimers();
    try {
      const { batches, run } = controlledRunner();
      const batcher = new MicroBatcher(run, { maxBatchSize: 10, lingerMs: 10 });
      const settled: number[] = [];
      const submit = (item: number) => void batcher.submit(item).then(() => settled.push(item));
      submit(1);
      let drained = false;
      void batcher.drain().then(() => (drained = true));
      jest.advanceTimersByTime(10);
      submit(2);
      batches[0].finish();
      await jest.advanceTimersByTimeAsync(0);
      expect(drained).toBe(false);
      expect(batches.map((batch) => batch.items)).toEqual([[1], [2]]);
      batches[1].finish();
      await jest.advanceTimersByTimeAsync(0);
      expect(drained).toBe(true);
      expect(settled).toEqual([1, 2]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('drains at once when nothing was submitted', async () => {
    const batcher = new MicroBatcher<number, string>(async () => [], { maxBatchSize: 10 });
    await expect(batcher.drain()).resolves.toBeUndefined();
  });

  it('refuses a batch size that is not a positive integer', () => {
    expect(() => new MicroBatcher(async () => [], { maxBatchSize: 0 })).toThrow(RangeError);
  });
});
