/**
 * This instance's credit leases, one per active account (docs/billing-invariants.md, "Credit
 * leases"): taken and topped up in the background before they run out, sized to the account's
 * last second or two of holds here, capped at a share of the available balance, renewed before
 * they expire, returned when idle, on a recall by another instance and at shutdown.
 */
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { billingConfig } from '../../../config/billing.config';
import type { ConfigOf } from '../../../config/define-config';
import { PUB_SUB, type PubSub } from '../../../infrastructure/pubsub/pubsub.tokens';
import { recalledSubject, recallMessage } from '../../../infrastructure/pubsub/recall-message';
import { preparedQueryOn, type PreparedQuery } from '../holds/hold-functions';
import { CreditLease } from './credit-lease';
import { INSTANCE_ID } from '../../../infrastructure/instance-id';
import { acquireLease, otherInstancesLeasing, returnLease, type LeaseReturn } from './lease-functions';

/** PUB_SUB channel: `{userId, from}` asks every other instance to give back its lease on that account. */
export const LEASE_RECALL_CHANNEL = 'billing.lease.recall';
/** Below this many of the current request's holds available, no lease: requests hold one by one. */
const EDGE_HOLDS = 20n;
/** A lease starts at (and never targets less than) this many holds. */
const MIN_HOLDS = 8n;
/** A grant takes at most this share of the available balance (1/4), so other instances find funds. */
const MAX_SHARE = 4;
/** After no grant (near the edge, or an error), do not ask again for this long. */
const NO_LEASE_BACKOFF_MS = 1_000;
/** After a recall, this instance holds that account per request for this long. */
const RECALL_COOLDOWN_MS = 5_000;
const TICK_MS = 250;
/** Shutdown waits this long at most for requests still running on leases. */
const SHUTDOWN_WAIT_MS = 10_000;

interface Entry {
  userId: string;
  lease: CreditLease | null;
  /** A database call on this entry is queued or running; ops run one at a time, in order. */
  busy: boolean;
  tail: Promise<void>;
  /** No new lease or top-up before this (ms since epoch). */
  retryAt: number;
  /** The last request's hold: the unit leases are sized in. */
  holdMicros: bigint;
}

@Injectable()
export class LeaseBook implements OnModuleInit {
  private readonly logger = new Logger(LeaseBook.name);
  private readonly entries = new Map<string, Entry>();
  private readonly query: PreparedQuery;
  private timer: NodeJS.Timeout | null = null;
  private closing = false;

  constructor(
    db: DataSource,
    @Inject(billingConfig.KEY) private readonly config: ConfigOf<typeof billingConfig>,
    @Inject(INSTANCE_ID) readonly instanceId: string,
    @Inject(PUB_SUB) private readonly pubSub: PubSub,
  ) {
    this.query = preparedQueryOn(db);
  }

  onModuleInit(): void {
    if (!this.config.leases) return;
    this.pubSub.subscribe(LEASE_RECALL_CHANNEL, (message) => this.onRecall(message));
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  /**
   * Carves `amount` out of this account's lease; null when there is none covering it (the
   * request then holds in PostgreSQL). Starts a lease or a top-up in the background when due.
   */
  carve(userId: string, amount: bigint): CreditLease | null {
    if (this.closing) return null;
    const now = Date.now();
    let entry = this.entries.get(userId);
    if (!entry) {
      entry = { userId, lease: null, busy: false, tail: Promise.resolve(), retryAt: 0, holdMicros: amount };
      this.entries.set(userId, entry);
    }
    entry.holdMicros = amount;
    const lease = entry.lease;
    const carved = lease !== null && lease.tryCarve(amount, now);
    this.growIfDue(entry, now);
    return carved ? lease : null;
  }

  /**
   * A hold in PostgreSQL was refused for lack of funds: give back this instance's unused lease on
   * the account and ask the others for theirs. True when that may have freed something.
   */
  async recall(userId: string): Promise<boolean> {
    const entry = this.entries.get(userId);
    const lease = entry?.lease;
    let freed = false;
    if (entry && lease && lease.state === 'open' && lease.free > 0n) {
      freed = true;
      await this.drain(entry, lease, Date.now() + RECALL_COOLDOWN_MS);
    }
    const others = await this.othersLeasing(userId);
    if (others > 0) await this.pubSub.publish(LEASE_RECALL_CHANNEL, recallMessage('userId', userId, this.instanceId));
    return freed || others > 0;
  }

  /** Whether this instance holds an open lease on the account with funds left: known without a query. */
  hasFunds(userId: string): boolean {
    const lease = this.entries.get(userId)?.lease;
    return lease !== null && lease !== undefined && lease.state === 'open' && lease.free > 0n;
  }

  othersLeasing(userId: string): Promise<number> {
    return otherInstancesLeasing(this.query, userId, this.instanceId);
  }

  /** Leases open here now (tests, metrics). */
  openLeases(): CreditLease[] {
    return [...this.entries.values()].flatMap((entry) => (entry.lease ? [entry.lease] : []));
  }

  /**
   * Shutdown: no more carving, requests running on leases (and whatever else `stillBusy` names)
   * finish, bounded, and their settlements commit; then every lease is returned.
   */
  async shutdown(stillBusy: () => boolean = () => false): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.closing = true;
    const leases = this.openLeases();
    for (const lease of leases) if (lease.state === 'open') lease.state = 'draining';
    const deadline = Date.now() + SHUTDOWN_WAIT_MS;
    while ((stillBusy() || leases.some((lease) => !lease.idle)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await Promise.all([...this.entries.values()].map((entry) => (entry.lease ? this.close(entry, entry.lease, 0) : entry.tail)));
  }

  private growIfDue(entry: Entry, now: number): void {
    if (entry.busy || now < entry.retryAt || this.closing) return;
    const lease = entry.lease;
    const target = maxOf(MIN_HOLDS * entry.holdMicros, lease ? lease.recentSpend(now) : 0n);
    if (lease === null) this.acquire(entry, null, target);
    else if (lease.state === 'open' && lease.free < target / 2n) this.acquire(entry, lease, target - lease.free);
  }

  /** Takes a lease (lease null), tops one up, or with want 0 only renews its expiry. */
  private acquire(entry: Entry, lease: CreditLease | null, want: bigint): void {
    const minAvailable = EDGE_HOLDS * entry.holdMicros;
    void this.enqueue(entry, async () => {
      try {
        const row = await acquireLease(this.query, {
          leaseId: lease?.id ?? null,
          userId: entry.userId,
          instanceId: this.instanceId,
          wantMicros: want,
          minAvailableMicros: minAvailable > 0n ? minAvailable : 1n,
          maxShare: MAX_SHARE,
          ttlSeconds: this.config.leaseTtlSeconds,
        });
        const now = Date.now();
        if (lease === null) {
          if (row) entry.lease = new CreditLease(row.leaseId, entry.userId, row.amountMicros, row.expiresAt.getTime(), now);
          else entry.retryAt = now + NO_LEASE_BACKOFF_MS;
        } else if (!row || row.status !== 'open') {
          // Expired by a reaper (this instance could not renew it in time): forget it.
          lease.state = 'closed';
          if (entry.lease === lease) entry.lease = null;
        } else {
          lease.granted(row.grantedMicros, row.expiresAt.getTime());
          if (want > 0n && row.grantedMicros === 0n) entry.retryAt = now + NO_LEASE_BACKOFF_MS;
        }
      } catch (error) {
        entry.retryAt = Date.now() + NO_LEASE_BACKOFF_MS;
        this.logger.warn(`Could not take or renew a credit lease: ${(error as Error).message}`);
      }
    });
  }

  /** Stops carving from the lease, gives back what is not carved now, and closes it once idle. */
  private drain(entry: Entry, lease: CreditLease, retryAt: number): Promise<void> {
    lease.state = 'draining';
    entry.retryAt = Math.max(entry.retryAt, retryAt);
    return lease.idle ? this.close(entry, lease, retryAt) : this.giveBack(entry, lease, 'partial');
  }

  private close(entry: Entry, lease: CreditLease, retryAt: number): Promise<void> {
    return this.giveBack(entry, lease, 'returned').then(() => {
      lease.state = 'closed';
      if (entry.lease === lease) entry.lease = null;
      entry.retryAt = Math.max(entry.retryAt, retryAt);
    });
  }

  private giveBack(entry: Entry, lease: CreditLease, outcome: LeaseReturn): Promise<void> {
    return this.enqueue(entry, async () => {
      try {
        lease.returned(await returnLease(this.query, lease.id, lease.free, outcome));
      } catch (error) {
        // The reaper expires it after its TTL if this never succeeds.
        this.logger.warn(`Could not return a credit lease: ${(error as Error).message}`);
      }
    });
  }

  private enqueue(entry: Entry, op: () => Promise<void>): Promise<void> {
    entry.busy = true;
    entry.tail = entry.tail
      .then(op)
      .catch(() => undefined)
      .finally(() => {
        if (entry.tail === run) entry.busy = false;
      });
    const run = entry.tail;
    return run;
  }

  private onRecall(message: string): void {
    const userId = recalledSubject(message, 'userId', this.instanceId);
    const entry = userId === null ? undefined : this.entries.get(userId);
    if (entry?.lease?.state === 'open') void this.drain(entry, entry.lease, Date.now() + RECALL_COOLDOWN_MS);
  }

  /** Returns idle leases, gives back what draining ones no longer need, renews the others. */
  private tick(): void {
    const now = Date.now();
    for (const [userId, entry] of this.entries) {
      const lease = entry.lease;
      if (entry.busy) continue;
      if (!lease) {
        if (now >= entry.retryAt) this.entries.delete(userId);
        continue;
      }
      if (lease.state === 'open' && now - lease.lastUsedAt > this.config.leaseIdleMs) lease.state = 'draining';
      if (lease.state === 'draining') {
        if (lease.idle) void this.close(entry, lease, 0);
        else if (lease.free > 0n) void this.giveBack(entry, lease, 'partial');
      } else if (lease.expiresWithin((this.config.leaseTtlSeconds * 1000) / 2, now)) {
        this.acquire(entry, lease, 0n);
      }
    }
  }
}

function maxOf(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
