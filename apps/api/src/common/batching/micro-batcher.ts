/**
 * Groups concurrent calls into batches, one batch in flight at a time: a call made while the
 * line is idle runs at once (no added wait), calls made while a batch runs are queued and go
 * together as the next batch. Under load this trades one round trip per call for one per batch,
 * the way a database's group commit does.
 */
export type BatchResult<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

/** Runs one batch; returns one result per item, in the items' order. Throwing fails every item. */
export type BatchRunner<Item, Result> = (items: Item[]) => Promise<BatchResult<Result>[]>;

interface Pending<Item, Result> {
  item: Item;
  resolve: (value: Result) => void;
  reject: (error: unknown) => void;
}

export class MicroBatcher<Item, Result> {
  private queue: Pending<Item, Result>[] = [];
  private inFlight = false;

  constructor(
    private readonly run: BatchRunner<Item, Result>,
    private readonly maxBatchSize: number,
  ) {
    if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) throw new RangeError('maxBatchSize must be a positive integer');
  }

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.inFlight) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.inFlight = true;
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
