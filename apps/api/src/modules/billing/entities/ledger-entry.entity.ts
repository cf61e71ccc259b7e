import type { LedgerEntryKind } from '@apilink/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer as bigint } from '../../../database/bigint.transformer';

/** Append-only (a trigger refuses UPDATE and DELETE): corrections are new entries. */
@Entity('credit_ledger_entries')
@Check(
  'CHK_credit_ledger_entries_kind',
  `"kind" IN ('top_up', 'grant', 'adjustment', 'hold', 'capture', 'release', 'expire', 'refund', 'dispute', 'lease', 'lease_return', 'lease_expire')`,
)
@Index('IDX_credit_ledger_entries_user_id', ['userId', 'id'])
@Index('UQ_credit_ledger_entries_external_ref', ['kind', 'externalRef'], { unique: true, where: '"external_ref" IS NOT NULL' })
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_credit_ledger_entries' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('UserEntity')
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_credit_ledger_entries_user' })
  user?: unknown;

  @Column({ type: 'varchar', length: 16 })
  kind: LedgerEntryKind;

  @Column({ name: 'balance_delta_micros', type: 'bigint', transformer: bigint })
  balanceDeltaMicros: bigint;

  @Column({ name: 'held_delta_micros', type: 'bigint', transformer: bigint })
  heldDeltaMicros: bigint;

  @Column({ name: 'balance_after_micros', type: 'bigint', transformer: bigint })
  balanceAfterMicros: bigint;

  @Column({ name: 'held_after_micros', type: 'bigint', transformer: bigint })
  heldAfterMicros: bigint;

  @Index('IDX_credit_ledger_entries_request_id', { where: '"request_id" IS NOT NULL' })
  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  /** The credit lease a lease movement, or a capture covered by a lease, belongs to. */
  @Column({ name: 'lease_id', type: 'uuid', nullable: true })
  leaseId: string | null;

  @Column({ name: 'payment_id', type: 'uuid', nullable: true })
  paymentId: string | null;

  /** Idempotency key of the movement (payment, refund, dispute, grant), unique per kind. */
  @Column({ name: 'external_ref', type: 'varchar', length: 255, nullable: true })
  externalRef: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  /** Who moved the money when a person did (operator CLI, admin): their email or id. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  actor: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
