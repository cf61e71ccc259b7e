import type { LedgerEntryKind } from '@apilink/contracts';
import type { EntityManager } from 'typeorm';

/** Kinds of movement made outside the request path (requests use the hold functions). */
export type MovementKind = Extract<LedgerEntryKind, 'top_up' | 'grant' | 'adjustment' | 'refund' | 'dispute'>;

export interface Movement {
  userId: string;
  kind: MovementKind;
  /** Signed change of the balance in micro-USD. */
  amountMicros: bigint;
  paymentId?: string | null;
  /** Idempotency key, unique per kind (payment id, Stripe refund or dispute id, CLI reference). */
  externalRef?: string | null;
  description?: string | null;
  actor?: string | null;
}

export interface PostedMovement {
  entryId: string;
  balanceAfterMicros: bigint;
  heldAfterMicros: bigint;
}

/** The reference was already posted: the whole transaction must roll back (nothing moved twice). */
export class DuplicateMovementError extends Error {
  constructor(
    readonly kind: MovementKind,
    readonly externalRef: string,
  ) {
    super(`${kind} ${externalRef} was already posted`);
    this.name = DuplicateMovementError.name;
  }
}

/** Refused: a debit that only an external fact (refund, dispute) may make is asked of a person. */
export class InsufficientAvailableBalanceError extends Error {
  constructor() {
    super('The debit would take the available balance below zero');
    this.name = InsufficientAvailableBalanceError.name;
  }
}

/** Money that left through the payment provider: recorded even if the credits were already spent. */
const EXTERNAL_DEBITS: ReadonlySet<MovementKind> = new Set(['refund', 'dispute']);

/**
 * Changes a balance and appends its ledger entry in the caller's transaction. The account row is
 * locked by the UPDATE, so concurrent movements on one account serialise and each entry's
 * `balance_after` is exact. Debits asked for by people never take the available balance below 0.
 */
export async function postMovement(manager: EntityManager, movement: Movement): Promise<PostedMovement> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('postMovement must run inside a transaction');
  await manager.query('INSERT INTO credit_accounts (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING', [movement.userId]);
  const mayGoNegative = movement.amountMicros >= 0n || EXTERNAL_DEBITS.has(movement.kind);
  // TypeORM returns [rows, count] for UPDATE.
  const [[account]]: [{ balance_micros: string; held_micros: string }[], number] = await manager.query(
    `UPDATE credit_accounts SET balance_micros = balance_micros + $2, updated_at = now()
      WHERE user_id = $1 AND ($3 OR balance_micros - held_micros + $2 >= 0)
      RETURNING balance_micros, held_micros`,
    [movement.userId, movement.amountMicros.toString(), mayGoNegative],
  );
  if (!account) throw new InsufficientAvailableBalanceError();
  const [entry]: { id: string }[] = await manager.query(
    `INSERT INTO credit_ledger_entries
       (user_id, kind, balance_delta_micros, held_delta_micros, balance_after_micros, held_after_micros,
        payment_id, external_ref, description, actor)
     VALUES ($1, $2, $3, 0, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (kind, external_ref) WHERE external_ref IS NOT NULL DO NOTHING
     RETURNING id`,
    [
      movement.userId,
      movement.kind,
      movement.amountMicros.toString(),
      account.balance_micros,
      account.held_micros,
      movement.paymentId ?? null,
      movement.externalRef ?? null,
      movement.description ?? null,
      movement.actor ?? null,
    ],
  );
  if (!entry) throw new DuplicateMovementError(movement.kind, movement.externalRef!);
  return { entryId: entry.id, balanceAfterMicros: BigInt(account.balance_micros), heldAfterMicros: BigInt(account.held_micros) };
}
