/**
 * Typed calls of the billing_reserve / billing_settle SQL functions (see the CreateCreditLedger
 * migration): each is one statement, so one round trip and atomic without an explicit transaction.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { CaptureUsage, ReserveRequest, Settlement } from '../request-billing.port';

export type HoldOutcome = 'captured' | 'released' | 'expired';

export type ReserveArgs = ReserveRequest & { ttlSeconds: number };

export interface ReservedRow {
  holdId: string;
  createdAt: Date;
  expiresAt: Date;
}

export type SettleArgs = CaptureUsage & { requestId: string; outcome: HoldOutcome };

/** SQLSTATEs the functions raise on purpose. */
export const INSUFFICIENT_BALANCE = 'AB402';
export const SPEND_CAP_REACHED = 'AB403';

export async function reserveHold(db: DataSource, args: ReserveArgs): Promise<ReservedRow> {
  const rows: { hold_id: string; created_at: Date; expires_at: Date }[] = await db.query(
    'SELECT hold_id, created_at, expires_at FROM billing_reserve($1, $2, $3, $4, $5, $6, $7)',
    [
      args.requestId,
      args.userId,
      args.keyId,
      args.spendCapMicros === null ? null : args.spendCapMicros.toString(),
      args.amountMicros.toString(),
      args.model,
      args.ttlSeconds,
    ],
  );
  const [row] = rows;
  return { holdId: row.hold_id, createdAt: row.created_at, expiresAt: row.expires_at };
}

/**
 * billing_settle writes the usage row; the attempts are set on it in the same transaction (an
 * extra column update rather than a new parameter of the SQL function, which stays unchanged).
 */
export async function settleHold(db: DataSource, args: SettleArgs): Promise<Settlement> {
  if (!args.attempts?.length) return callSettle(db, args);
  return db.transaction(async (manager) => {
    const settlement = await callSettle(manager, args);
    if (settlement.settled) {
      await manager.query('UPDATE usage_records SET attempts = $2::jsonb WHERE request_id = $1', [args.requestId, JSON.stringify(args.attempts)]);
    }
    return settlement;
  });
}

async function callSettle(db: DataSource | EntityManager, args: SettleArgs): Promise<Settlement> {
  const rows: { settled: boolean; charged_micros: string; uncollected_micros: string }[] = await db.query(
    'SELECT settled, charged_micros, uncollected_micros FROM billing_settle($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
    [
      args.requestId,
      args.outcome,
      args.actualCostMicros.toString(),
      args.provider,
      args.promptTokens,
      args.completionTokens,
      args.cachedTokens,
      args.estimated,
      args.status,
      args.latencyMs,
      args.ttftMs,
    ],
  );
  const [row] = rows;
  return { settled: row.settled, chargedMicros: BigInt(row.charged_micros), uncollectedMicros: BigInt(row.uncollected_micros) };
}
