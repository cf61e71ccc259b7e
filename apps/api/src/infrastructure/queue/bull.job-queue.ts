import { Logger } from '@nestjs/common';
import Bull from 'bull';
import type { JobHandler, JobQueue } from './job-queue.tokens';

const DRAIN_TIMEOUT_MS = 5_000;
const CLOSE_TIMEOUT_MS = 2_000;

/** Resolves with the work's result, or undefined once the deadline passes (the work is abandoned). */
async function withDeadline<T>(work: Promise<T>, deadline: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), Math.max(0, deadline - Date.now()))));
  try {
    return await Promise.race([work.catch(() => undefined), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** While a queue's connection is down, nothing queued can reach Redis, so shutdown need not wait for it. */
function connected(queue: Bull.Queue): boolean {
  return queue.client.status === 'ready';
}

/**
 * Bull's own reconnection backs off exponentially up to 20 s, so after an outage its queues came
 * back up to 20 s after Redis did (jobs enqueued meanwhile waited that long); this reconnects
 * within 2 s, like the app's other Redis clients. Adds wait in ioredis's offline queue for as long
 * as the outage lasts (no retry limit): with the default of 20 attempts, an outage over ~35 s lost
 * the jobs enqueued during it. The cost is memory for the waiting jobs, which are small.
 */
const REDIS_OPTIONS = { retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000), maxRetriesPerRequest: null };

const JOB_OPTIONS: Bull.JobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: true,
  removeOnFail: 1000,
};

/**
 * Bull-backed queue shared by every API instance through Redis: a job enqueued by one instance
 * may be processed by any. Each job carries one payload; handlers still receive arrays so the
 * in-process and Bull strategies are interchangeable.
 */
export class BullJobQueue implements JobQueue {
  private readonly logger = new Logger(BullJobQueue.name);
  private readonly queues = new Map<string, Bull.Queue>();
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Bull's naming of each processing queue's blocking connection; settles, never rejects. */
  private readonly namings = new Set<Promise<unknown>>();
  private closing = false;

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
  ) {}

  enqueue<T>(queue: string, payload: T): void {
    const added = this.queue(queue)
      .add(payload, JOB_OPTIONS)
      .catch((error: unknown) => this.logger.error(`Could not enqueue a ${queue} job: ${String(error)}`));
    this.inFlight.add(added);
    void added.finally(() => this.inFlight.delete(added));
  }

  process<T>(queue: string, handler: JobHandler<T>, options: { batchSize?: number } = {}): void {
    const concurrency = Math.min(options.batchSize ?? 10, 10);
    // Bull rejects this promise when the queue closes (with nothing when it closes before it got
    // going, e.g. a CLI run that stops at an option error): a normal stop, not a failure.
    this.queue(queue)
      .process(concurrency, (job: Bull.Job<T>) => handler([job.data]))
      .catch((error: unknown) => {
        if (!this.closing) this.logger.warn(`Queue ${queue} stopped processing: ${String(error)}`);
      });
  }

  /** Bounded, and skipped while Redis is unreachable: the jobs could not get there anyway. */
  async drain(timeoutMs = DRAIN_TIMEOUT_MS): Promise<void> {
    if (![...this.queues.values()].every(connected)) return;
    const deadline = Date.now() + timeoutMs;
    await withDeadline(Promise.all(this.inFlight), deadline);
    for (const queue of this.queues.values()) {
      while (Date.now() < deadline) {
        const counts = await withDeadline(queue.getJobCounts(), deadline);
        if (!counts || counts.waiting + counts.active + counts.delayed === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }

  /** Bull's close waits for its connections to be ready, so it is cut short when Redis is down. */
  async close(): Promise<void> {
    this.closing = true;
    const deadline = Date.now() + CLOSE_TIMEOUT_MS;
    // A queue closed before its blocking connection is named loses the naming command (see keepWorkerNaming).
    await withDeadline(Promise.all(this.namings), deadline);
    await Promise.all(
      [...this.queues.values()].map(async (queue) => {
        const closed = await withDeadline(
          queue.close().then(() => true),
          deadline,
        );
        if (!closed) for (const client of queue.clients) client.disconnect();
      }),
    );
  }

  private queue(name: string): Bull.Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Bull(name, this.redisUrl, { prefix: `${this.prefix}bull`, redis: REDIS_OPTIONS });
      queue.on('error', (error) => this.logger.warn(`Queue ${name}: ${error.message}`));
      this.keepWorkerNaming(name, queue);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Bull's process() names the queue's blocking connection (CLIENT SETNAME, queued until that
   * connection is up) and drops the promise. Bull's close quits that connection; when it came
   * while the connection was still in its handshake, the QUIT went first and ioredis rejected the
   * SETNAME with "Connection is closed.": an unhandled rejection that exited the operator CLI with
   * 1 after its command had done its work (1 in 15-30 runs). The promise is kept here, so close
   * waits for it, and handled, so a close cut short by a Redis outage cannot leave it unhandled.
   */
  private keepWorkerNaming(name: string, queue: Bull.Queue): void {
    const setWorkerName = queue.setWorkerName.bind(queue);
    queue.setWorkerName = () => {
      const naming = setWorkerName().catch((error: unknown) => {
        if (!this.closing) this.logger.warn(`Queue ${name} could not name its worker connection: ${String(error)}`);
      });
      this.namings.add(naming);
      return naming;
    };
  }
}
