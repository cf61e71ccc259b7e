import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { billingConfig } from '../../../config/billing.config';
import type { ConfigOf } from '../../../config/define-config';
import { returnLease } from '../leases/lease-functions';
import { RequestBillingService } from '../request-billing.service';
import { preparedQueryOn, type PreparedQuery } from './hold-functions';

const BATCH_SIZE = 200;

/**
 * Voids holds whose request never settled, and expires credit leases their instance stopped
 * renewing (the unconsumed rest goes back to the available balance), (a crash or kill -9 mid-request), at boot and then
 * periodically, so no funds stay held past BILLING_HOLD_TTL_SECONDS + the reaper interval.
 * Safe on every instance at once: settlement only ever resolves an open hold once.
 */
@Injectable()
export class HoldReaperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HoldReaperService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly query: PreparedQuery;

  constructor(
    private readonly db: DataSource,
    private readonly billing: RequestBillingService,
    @Inject(billingConfig.KEY) private readonly config: ConfigOf<typeof billingConfig>,
  ) {
    this.query = preparedQueryOn(db);
  }

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

  /** Expires every hold and lease past its deadline; returns how many this call resolved. */
  reapExpired(): Promise<number> {
    this.running ??= this.reapAll().finally(() => (this.running = null));
    return this.running;
  }

  private async reapSafely(): Promise<void> {
    try {
      const count = await this.reapExpired();
      if (count > 0) this.logger.warn(`Voided ${count} expired hold(s) or lease(s) left by requests or instances that stopped`);
    } catch (error) {
      this.logger.error({ err: error }, 'Could not reap expired holds; will retry');
    }
  }

  private async reapAll(): Promise<number> {
    return (await this.reapHolds()) + (await this.reapLeases());
  }

  private async reapLeases(): Promise<number> {
    let expired = 0;
    for (;;) {
      const rows: { id: string }[] = await this.db.query(
        `SELECT id FROM credit_leases WHERE status = 'open' AND expires_at < now() ORDER BY expires_at LIMIT $1`,
        [BATCH_SIZE],
      );
      for (const row of rows) {
        await returnLease(this.query, row.id, 0n, 'expired');
        expired++;
      }
      if (rows.length < BATCH_SIZE) return expired;
    }
  }

  private async reapHolds(): Promise<number> {
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
