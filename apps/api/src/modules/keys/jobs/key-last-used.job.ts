import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JOB_QUEUE, type JobQueue } from '../../../infrastructure/queue/job-queue.tokens';

export const KEY_LAST_USED_QUEUE = 'api-keys.last-used';

/** One job = one instance's flush: [keyId, last use in epoch ms] pairs. */
export interface KeyLastUsedJob {
  stamps: Array<[string, number]>;
}

/**
 * Writes last-used stamps in one statement per batch. Idempotent and order-independent: a stamp
 * only ever moves last_used_at forward.
 */
@Injectable()
export class KeyLastUsedJobHandler implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.queue.process<KeyLastUsedJob>(KEY_LAST_USED_QUEUE, (jobs) => this.handle(jobs));
  }

  async handle(jobs: KeyLastUsedJob[]): Promise<void> {
    const latest = new Map<string, number>();
    for (const [keyId, usedAt] of jobs.flatMap((job) => job.stamps)) latest.set(keyId, Math.max(usedAt, latest.get(keyId) ?? 0));
    if (latest.size === 0) return;
    await this.dataSource.query(
      `UPDATE api_keys k SET last_used_at = v.used_at
         FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::timestamptz[]) AS used_at) v
        WHERE k.id = v.id AND (k.last_used_at IS NULL OR k.last_used_at < v.used_at)`,
      [[...latest.keys()], [...latest.values()].map((ms) => new Date(ms).toISOString())],
    );
  }
}
