export type JobHandler<T> = (payloads: T[]) => Promise<void>;

/**
 * Work that must happen but not on the request path (usage rows, last-used stamps, PDFs).
 * Handlers receive batches; they must be idempotent because a job can run more than once.
 */
export interface JobQueue {
  enqueue<T>(queue: string, payload: T): void;
  process<T>(queue: string, handler: JobHandler<T>, options?: { batchSize?: number }): void;
  /** Waits until everything enqueued so far in this process has been handled (tests, shutdown). */
  drain(): Promise<void>;
}

export const JOB_QUEUE = Symbol('JOB_QUEUE');
