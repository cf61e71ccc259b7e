import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { ConfigOf } from '../../config/define-config';
import { keysConfig } from '../../config/keys.config';
import { JOB_QUEUE, type JobQueue } from '../../infrastructure/queue/job-queue.tokens';
import { KEY_LAST_USED_QUEUE, type KeyLastUsedJob } from './jobs/key-last-used.job';

const STAMPS_PER_JOB = 500;

/**
 * Remembers the last use of each key in memory and hands them to the job queue every few
 * seconds, so the /v1 hot path never writes to the database.
 */
@Injectable()
export class KeyUsageRecorder implements OnModuleInit, OnModuleDestroy, BeforeApplicationShutdown {
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(keysConfig.KEY) private readonly config: ConfigOf<typeof keysConfig>,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => this.flush(), this.config.lastUsedFlushMs);
    this.timer.unref();
  }

  touch(keyId: string, at = Date.now()): void {
    this.pending.set(keyId, at);
  }

  /** Enqueues what was recorded since the last flush (also called at shutdown and by tests). */
  flush(): void {
    if (this.pending.size === 0) return;
    const stamps = [...this.pending.entries()];
    this.pending = new Map();
    for (let i = 0; i < stamps.length; i += STAMPS_PER_JOB) {
      this.queue.enqueue<KeyLastUsedJob>(KEY_LAST_USED_QUEUE, { stamps: stamps.slice(i, i + STAMPS_PER_JOB) });
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  // The database closes in onApplicationShutdown, so the last stamps are written before then.
  async beforeApplicationShutdown(): Promise<void> {
    this.flush();
    await this.queue.drain();
  }
}
