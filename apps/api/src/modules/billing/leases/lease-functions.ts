/**
 * Typed calls of the lease SQL functions (holds/sql/billing_lease_*.sql and
 * billing_settle_lease_batch.sql; the migration installing each file's current body is named in
 * holds/sql/sql-files.spec.ts).
 */
import type { BatchResult } from '../../../common/batching/micro-batcher';
import { inItemOrder, type PreparedQuery, type SettleArgs } from '../holds/hold-functions';
import type { Settlement } from '../request-billing.port';

export interface LeaseRow {
  leaseId: string;
  /** What the lease holds now in PostgreSQL. */
  amountMicros: bigint;
  /** What this call added. */
  grantedMicros: bigint;
  expiresAt: Date;
  status: string;
}

export interface AcquireLease {
  /** null takes a new lease; an id tops that one up (or, with want 0, only renews its expiry). */
  leaseId: string | null;
  userId: string;
  instanceId: string;
  wantMicros: bigint;
  /** Below this available balance nothing is granted: near the edge, requests hold one by one. */
  minAvailableMicros: bigint;
  /** A grant is at most available / maxShare. */
  maxShare: number;
  ttlSeconds: number;
}

/** A request settled against the lease its hold was carved from. */
export type LeaseSettleArgs = SettleArgs & { leaseId: string; sliceMicros: bigint; model: string; startedAt: Date };

const ACQUIRE_SQL =
  'SELECT lease_id, amount_micros::text, granted_micros::text, expires_at, lease_status FROM billing_lease_acquire($1, $2, $3, $4, $5, $6, $7)';
const RETURN_SQL = 'SELECT amount_micros::text, returned_micros::text, lease_status FROM billing_lease_return($1, $2, $3)';
const SETTLE_SQL =
  'SELECT item_index, settled, charged_micros::text, uncollected_micros::text, error_state, error_message FROM billing_settle_lease_batch($1::jsonb)';
const OTHERS_SQL =
  "SELECT count(*)::int AS count FROM credit_leases WHERE user_id = $1 AND status = 'open' AND instance_id <> $2 AND amount_micros > 0";

interface RawLease {
  lease_id: string;
  amount_micros: string;
  granted_micros: string;
  expires_at: Date;
  lease_status: string;
}

/** Takes or tops up a lease; null when nothing was granted and no lease was named. */
export async function acquireLease(query: PreparedQuery, request: AcquireLease): Promise<LeaseRow | null> {
  const rows = await query<RawLease>('billing_lease_acquire', ACQUIRE_SQL, [
    request.leaseId,
    request.userId,
    request.instanceId,
    request.wantMicros.toString(),
    request.minAvailableMicros.toString(),
    request.maxShare,
    request.ttlSeconds,
  ]);
  const row = rows[0];
  if (!row) return null;
  return {
    leaseId: row.lease_id,
    amountMicros: BigInt(row.amount_micros),
    grantedMicros: BigInt(row.granted_micros),
    expiresAt: row.expires_at,
    status: row.lease_status,
  };
}

export type LeaseReturn = 'partial' | 'returned' | 'expired';

/** Gives back up to `amount` ('partial'), or all that is left and closes the lease. */
export async function returnLease(query: PreparedQuery, leaseId: string, amountMicros: bigint, outcome: LeaseReturn): Promise<bigint> {
  const rows = await query<{ returned_micros: string }>('billing_lease_return', RETURN_SQL, [leaseId, amountMicros.toString(), outcome]);
  return rows[0] ? BigInt(rows[0].returned_micros) : 0n;
}

/** How many other instances hold money in an open lease on this account. */
export async function otherInstancesLeasing(query: PreparedQuery, userId: string, instanceId: string): Promise<number> {
  const rows = await query<{ count: number }>('billing_other_leases', OTHERS_SQL, [userId, instanceId]);
  return rows[0]?.count ?? 0;
}

export async function settleLeaseSlices(query: PreparedQuery, items: LeaseSettleArgs[]): Promise<BatchResult<Settlement>[]> {
  const payload = items.map((item) => ({
    request_id: item.requestId,
    user_id: item.userId,
    lease_id: item.leaseId,
    key_id: item.keyId,
    slice: item.sliceMicros.toString(),
    model: item.model,
    started_at: item.startedAt.toISOString(),
    actual_cost: item.actualCostMicros.toString(),
    provider: item.provider,
    prompt_tokens: item.promptTokens,
    completion_tokens: item.completionTokens,
    cached_tokens: item.cachedTokens,
    estimated: item.estimated,
    status: item.status,
    latency_ms: item.latencyMs,
    ttft_ms: item.ttftMs,
    attempts: item.attempts?.length ? item.attempts : null,
  }));
  const rows = await query<{
    item_index: number;
    error_state: string | null;
    error_message: string | null;
    settled: boolean;
    charged_micros: string;
    uncollected_micros: string;
  }>('billing_settle_lease_batch', SETTLE_SQL, [JSON.stringify(payload)]);
  return inItemOrder(items.length, rows, (row) => ({
    settled: row.settled,
    chargedMicros: BigInt(row.charged_micros),
    uncollectedMicros: BigInt(row.uncollected_micros),
  }));
}
