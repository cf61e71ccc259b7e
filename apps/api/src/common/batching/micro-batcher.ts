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
  private inFlight = false;
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
      if (this.inFlight) return;
      // Claimed now, so calls made during the linger join the queue instead of starting a batch.
      this.inFlight = true;
      if (this.lingerMs === 0) void this.drain();
      else setTimeout(() => void this.drain(), this.lingerMs);
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatchSize);
        await this.runBatch(batch);
      }
    } finally {
      this.inFlight = false;
    }
  }

  private async runBatch(batch: Pending<Item, Result>[]): Promise<void> {
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
    }
  }
}
