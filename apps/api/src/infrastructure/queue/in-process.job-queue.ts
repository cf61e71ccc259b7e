import { Logger } from '@nestjs/common';
import type { JobHandler, JobQueue } from './job-queue.tokens';

interface Registered {
  handler: JobHandler<unknown>;
  batchSize: number;
  pending: unknown[];
  running: Promise<void> | null;
}

const RETRY_DELAY_MS = 1_000;
const MAX_ATTEMPTS = 5;

/** Batches jobs in memory and runs them on the next tick; used when Redis is not configured. */
export class InProcessJobQueue implements JobQueue {
  private readonly logger = new Logger(InProcessJobQueue.name);
  private readonly queues = new Map<string, Registered>();
  private readonly early = new Map<string, unknown[]>();

  enqueue<T>(queue: string, payload: T): void {
    const registered = this.queues.get(queue);
    if (!registered) return void (this.early.get(queue) ?? this.early.set(queue, []).get(queue)!).push(payload);
    registered.pending.push(payload);
    this.schedule(registered);
  }

  process<T>(queue: string, handler: JobHandler<T>, options: { batchSize?: number } = {}): void {
    const registered: Registered = {
      handler: handler as JobHandler<unknown>,
      batchSize: options.batchSize ?? 100,
      pending: this.early.get(queue) ?? [],
      running: null,
    };
    this.early.delete(queue);
    this.queues.set(queue, registered);
    this.schedule(registered);
  }

  async drain(): Promise<void> {
    for (;;) {
      const busy = [...this.queues.values()].filter((q) => q.running || q.pending.length > 0);
      if (busy.length === 0) return;
      await Promise.all(busy.map((q) => q.running ?? new Promise((resolve) => setImmediate(resolve))));
    }
  }

  private schedule(queue: Registered): void {
    if (queue.running || queue.pending.length === 0) return;
    queue.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.runBatches(queue))
      .finally(() => {
        queue.running = null;
        this.schedule(queue);
      });
  }

  private async runBatches(queue: Registered): Promise<void> {
    while (queue.pending.length > 0) {
      const batch = queue.pending.splice(0, queue.batchSize);
      await this.runWithRetry(queue, batch);
    }
  }

  private async runWithRetry(queue: Registered, batch: unknown[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await queue.handler(batch);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS) {
          this.logger.error(`Dropping a batch of ${batch.length} jobs after ${attempt} attempts: ${String(error)}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * attempt));
      }
    }
  }
}
