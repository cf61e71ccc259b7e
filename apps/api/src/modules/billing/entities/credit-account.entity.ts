import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintTransformer as bigint } from '../../../database/bigint.transformer';

/**
 * One prepaid account per user. Changed only by the ledger's writers, each appending the matching
 * ledger entry in the same transaction: the SQL functions behind holds and leases
 * (billing/holds/sql: billing_reserve_batch, billing_settle_batch and billing_settle_lease_batch
 * write their totals through billing_walk_to; billing_lease_acquire, billing_lease_return) and
 * postMovement (ledger/post-movement.ts) for grants and adjustments (CreditAdjustmentService) and
 * for the payments module's top-ups, refunds and disputes (LedgerPostingService).
 */
@Entity('credit_accounts')
@Check('CHK_credit_accounts_held', `"held_micros" >= 0`)
@Check('CHK_credit_accounts_usage', `"usage_micros" >= 0`)
export class CreditAccountEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_credit_accounts' })
  userId: string;

  @ManyToOne('UserEntity')
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_credit_accounts_user' })
  user?: unknown;

  /** May be negative only after a refund or lost dispute of credits already spent. */
  @Column({ name: 'balance_micros', type: 'bigint', default: 0, transformer: bigint })
  balanceMicros: bigint;

  /** Sum of open holds; available = balance − held. */
  @Column({ name: 'held_micros', type: 'bigint', default: 0, transformer: bigint })
  heldMicros: bigint;

  /** Captured usage over the account's life (= the sum of its usage rows' cost). */
  @Column({ name: 'usage_micros', type: 'bigint', default: 0, transformer: bigint })
  usageMicros: bigint;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
