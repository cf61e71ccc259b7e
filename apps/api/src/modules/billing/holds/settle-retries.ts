import { isTransientDatabaseError } from './database-error';

/** Settlement retries (ms between attempts); after the last one the reaper resolves what is left. */
const SETTLE_RETRY_DELAYS_MS = [50, 250, 1_000, 3_000];

/** Runs a settlement, retrying transient database errors (the database restarting, a deadlock). */
export async function withSettleRetries<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const delay = SETTLE_RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !isTransientDatabaseError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
