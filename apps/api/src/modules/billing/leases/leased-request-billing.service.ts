/**
 * RequestBilling with credit leases (BILLING_LEASES=on): a request's hold is carved in memory out
 * of this instance's lease on the account, which PostgreSQL already holds; only near the edge, or
 * for a key with a spend cap, does a request hold in PostgreSQL (RequestBillingService). Captures,
 * releases and usage rows of carved holds are group-committed after the response.
 */
import { HttpStatus, Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ErrorCode, USAGE_STATUSES } from '@apilink/contracts';
import { DataSource } from 'typeorm';
import { MicroBatcher } from '../../../common/batching/micro-batcher';
import { extend } from '../../../common/objects/extend';
import { AppError } from '../../../common/errors/app-error';
import { billingConfig } from '../../../config/billing.config';
import type { ConfigOf } from '../../../config/define-config';
import { preparedQueryOn, type SettleArgs } from '../holds/hold-functions';
import { captureArgs, nothingCharged } from '../holds/settle-args';
import { withSettleRetries } from '../holds/settle-retries';
import type { CaptureUsage, Hold, RequestBilling, RequestOutcome, ReserveRequest, Settlement } from '../request-billing.port';
import { RequestBillingService } from '../request-billing.service';
import type { CreditLease } from './credit-lease';
import { LeaseBook } from './lease-book.service';
import { settleLeaseSlices, type LeaseSettleArgs } from './lease-functions';

/**
 * The flush window: a settlement waits this long for others before its batch commits (and while
 * one commits, the next gathers). What a kill -9 can lose is about this window of captures.
 */
const FLUSH_LINGER_MS = 20;
const MAX_BATCH_SIZE = 256;
/** After a recall, the refused hold is tried again after each of these waits (ms), ~1.6 s in all. */
const RECALL_RETRY_DELAYS_MS = [10, 25, 50, 100, 200, 400, 800];

@Injectable()
export class LeasedRequestBillingService implements RequestBilling, BeforeApplicationShutdown {
  private readonly logger = new Logger(LeasedRequestBillingService.name);
  private readonly settlements: MicroBatcher<LeaseSettleArgs, Settlement>;
  /** The lease each carved hold came from, until it is settled. */
  private readonly carved = new WeakMap<Hold, CreditLease>();

  constructor(
    db: DataSource,
    private readonly perRequest: RequestBillingService,
    private readonly book: LeaseBook,
    @Inject(billingConfig.KEY) private readonly config: ConfigOf<typeof billingConfig>,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    const query = preparedQueryOn(db);
    this.settlements = new MicroBatcher((items) => settleLeaseSlices(query, items), {
      maxBatchSize: MAX_BATCH_SIZE,
      lingerMs: FLUSH_LINGER_MS,
    });
  }

  /** An account with a lease here has funds; otherwise PostgreSQL's balance says (from memory for accounts seen funded). */
  async assertFunded(userId: string): Promise<void> {
    if (this.book.hasFunds(userId)) return;
    await this.perRequest.assertFunded(userId);
  }

  /**
   * Graceful shutdown with leases: stop taking connections first (Nest closes the HTTP server only
   * after this phase), let the requests already in flight finish and their settlements commit
   * (bounded), then return every lease; the database closes after that. Otherwise a request that
   * arrived during the drain could be answered and its settlement find the pool gone.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.config.leases) return;
    this.adapterHost.httpAdapter?.getHttpServer()?.close(() => undefined);
    await this.book.shutdown(() => this.perRequest.busy);
  }

  async reserve(request: ReserveRequest): Promise<Hold> {
    if (request.amountMicros < 0n) throw new RangeError('A hold cannot be negative');
    // A key's spend cap is checked against its row in PostgreSQL, so capped keys hold there.
    const lease = request.spendCapMicros === null ? this.book.carve(request.userId, request.amountMicros) : null;
    if (lease) {
      const hold: Hold = {
        id: lease.id,
        requestId: request.requestId,
        userId: request.userId,
        keyId: request.keyId,
        model: request.model,
        amountMicros: request.amountMicros,
        createdAt: new Date(),
        expiresAt: new Date(lease.expiresAtMs),
        leaseId: lease.id,
      };
      this.carved.set(hold, lease);
      return hold;
    }
    try {
      return await this.perRequest.reserve(request);
    } catch (error) {
      if (!isInsufficientBalance(error)) throw error;
      return this.reserveAfterRecall(request, error);
    }
  }

  async capture(hold: Hold, usage: CaptureUsage): Promise<Settlement> {
    if (!hold.leaseId) return this.perRequest.capture(hold, usage);
    return this.settleSlice(hold, captureArgs(hold, usage));
  }

  async release(hold: Hold, outcome: RequestOutcome): Promise<Settlement> {
    if (!hold.leaseId) return this.perRequest.release(hold, outcome);
    return this.settleSlice(hold, nothingCharged(hold, 'released', outcome));
  }

  /**
   * Funds may sit in leases (this instance's or others'): ask for them back, then try again while
   * other instances still hold some, so parked money never causes a 402 once it is returned.
   */
  private async reserveAfterRecall(request: ReserveRequest, refusal: unknown): Promise<Hold> {
    const worthRetrying = await this.book.recall(request.userId).catch(() => false);
    if (!worthRetrying) throw refusal;
    for (const delay of RECALL_RETRY_DELAYS_MS) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        return await this.perRequest.reserve(request);
      } catch (error) {
        if (!isInsufficientBalance(error)) throw error;
      }
      const others = await this.book.othersLeasing(request.userId).catch(() => 0);
      if (others === 0) return this.perRequest.reserve(request);
    }
    throw refusal;
  }

  private async settleSlice(hold: Hold, args: SettleArgs): Promise<Settlement> {
    if (!USAGE_STATUSES.includes(args.status)) throw new RangeError(`Unknown usage status: ${args.status}`);
    const lease = this.carved.get(hold);
    if (lease) {
      // Once only: the lease gets the unused part of the slice back at once, in memory.
      this.carved.delete(hold);
      lease.settled(hold.amountMicros, args.actualCostMicros);
    }
    const item: LeaseSettleArgs = extend(args, {
      leaseId: hold.leaseId!,
      sliceMicros: hold.amountMicros,
      model: hold.model,
      startedAt: hold.createdAt,
    });
    try {
      const result = await withSettleRetries(() => this.settlements.submit(item));
      if (!result.settled) this.logger.warn({ requestId: args.requestId }, 'Request already settled; nothing changed');
      return result;
    } catch (error) {
      // Lost: the lease's expiry returns the slice to the balance (the customer is under-charged).
      this.logger.error({ err: error, requestId: args.requestId }, 'Could not settle a request carved from a lease');
      throw error;
    } finally {
      lease?.flushed();
    }
  }
}

function isInsufficientBalance(error: unknown): boolean {
  return error instanceof AppError && error.status === HttpStatus.PAYMENT_REQUIRED && error.code === ErrorCode.InsufficientQuota;
}
