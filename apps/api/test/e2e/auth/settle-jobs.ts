import { JOB_QUEUE, type JobQueue } from '../../../src/infrastructure/queue/job-queue.tokens';
import { KeyUsageRecorder } from '../../../src/modules/keys/key-usage.recorder';
import type { TestApp } from '../../support/test-app';

/**
 * Writes pending last-used stamps and waits for every instance's queue to empty, so no instance
 * picks up a shared Bull job while it is shutting down (which would retry it with backoff).
 */
export async function settleJobs(...apps: TestApp[]): Promise<void> {
  for (const testApp of apps) testApp.app.get(KeyUsageRecorder).flush();
  await Promise.all(apps.map((testApp) => testApp.app.get<JobQueue>(JOB_QUEUE).drain()));
}
