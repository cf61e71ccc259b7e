import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { billingConfig } from '../../../config/billing.config';
import type { ConfigOf } from '../../../config/define-config';
import { RequestBillingService } from '../request-billing.service';

const BATCH_SIZE = 200;

/**
 * Voids holds whose request never settled (a crash or kill -9 mid-request), at boot and then
 * periodically, so no funds stay held past BILLING_HOLD_TTL_SECONDS + the reaper interval.
 * Safe on every instance at once: settlement only ever resolves an open hold once.
 */
@Injectable()
export class HoldReaperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HoldReaperService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly billing: RequestBillingService,
    @Inject(billingConfig.KEY) private readonly config: ConfigOf<typeof billingConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reapSafely();
    this.timer = setInterval(() => void this.reapSafely(), this.config.reaperIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Expires every hold past its deadline; returns how many this call resolved. */
  reapExpired(): Promise<number> {
    this.running ??= this.reapAll().finally(() => (this.running = null));
    return this.running;
  }

  private async reapSafely(): Promise<void> {
    try {
      const count = await this.reapExpired();
      if (count > 0) this.logger.warn(`Voided ${count} expired hold(s) left by requests that never settled`);
    } catch (error) {
      this.logger.error({ err: error }, 'Could not reap expired holds; will retry');
    }
  }

  private async reapAll(): Promise<number> {
    let resolved = 0;
    for (;;) {
      const rows: { request_id: string; user_id: string; key_id: string }[] = await this.db.query(
        `SELECT request_id, user_id, key_id FROM credit_holds WHERE status = 'open' AND expires_at < now() ORDER BY expires_at LIMIT $1`,
        [BATCH_SIZE],
      );
      // Submitted together, they are settled in batches like the requests' own settlements.
      const results = await Promise.all(
        rows.map((row) => this.billing.expire({ requestId: row.request_id, userId: row.user_id, keyId: row.key_id })),
      );
      resolved += results.filter((result) => result.settled).length;
      if (rows.length < BATCH_SIZE) return resolved;
    }
  }
}
