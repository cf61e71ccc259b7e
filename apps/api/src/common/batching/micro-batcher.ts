/**
 * Groups concurrent calls into batches, one batch in flight at a time: a call made while the
 * line is idle runs at once (or after `lingerMs`, to gather more), calls made while a batch runs
 * are queued and go together as the next batch. Under load this trades one round trip per call
 * for one per batch, the way a database's group commit does.
 */
export type BatchResult<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

/** Runs one batch; returns one result per item, in the items' order. Throwing fails every item. */
export type BatchRunner<Item, Result> = (items: Item[]) => Promise<BatchResult<Result>[]>;

interface Pending<Item, Result> {
  item: Item;
  resolve: (value: Result) => void;
  reject: (error: unknown) => void;
}

export interface MicroBatcherOptions {
  maxBatchSize: number;
  /** How long a call made while idle waits for others before its batch runs; 0: not at all. */
  lingerMs?: number;
}

export class MicroBatcher<Item, Result> {
  private queue: Pending<Item, Result>[] = [];
  /** The line's work from the call that found it idle until the queue is empty; null while idle. */
  private running: Promise<void> | null = null;
  private runningBatchSize = 0;
  private readonly maxBatchSize: number;
  private readonly lingerMs: number;

  constructor(
    private readonly run: BatchRunner<Item, Result>,
    options: MicroBatcherOptions,
  ) {
    this.maxBatchSize = options.maxBatchSize;
    this.lingerMs = options.lingerMs ?? 0;
    if (!Number.isInteger(this.maxBatchSize) || this.maxBatchSize < 1) throw new RangeError('maxBatchSize must be a positive integer');
    if (!(this.lingerMs >= 0)) throw new RangeError('lingerMs must be 0 or more');
  }

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.running) return;
      // Claimed now, so calls made during the linger join the queue instead of starting a batch.
      this.running =
        this.lingerMs === 0 ? this.runQueued() : new Promise((resolve) => setTimeout(() => resolve(this.runQueued()), this.lingerMs));
    });
  }

  /** Calls made and not yet settled: queued or in the batch that runs. */
  get size(): number {
    return this.queue.length + this.runningBatchSize;
  }

  /** Resolves once every call made so far has settled, including calls made meanwhile (shutdown). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private async runQueued(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        await this.runBatch(this.queue.splice(0, this.maxBatchSize));
      }
    } finally {
      this.running = null;
    }
  }

  private async runBatch(batch: Pending<Item, Result>[]): Promise<void> {
    this.runningBatchSize = batch.length;
    try {
      const results = await this.run(batch.map((pending) => pending.item));
      if (results.length !== batch.length) throw new Error(`A batch of ${batch.length} returned ${results.length} results`);
      batch.forEach((pending, index) => {
        const result = results[index];
        if (result.ok) pending.resolve(result.value);
        else pending.reject(result.error);
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      this.runningBatchSize = 0;
    }
  }
}
