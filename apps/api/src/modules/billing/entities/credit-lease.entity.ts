import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer as bigint } from '../../../database/bigint.transformer';

export type LeaseStatus = 'open' | 'returned' | 'expired';

/**
 * A credit lease: a slice of an account's available balance held by one API instance, which
 * carves requests' holds out of it in memory. Counts in the account's held_micros while open;
 * returned when idle or at shutdown, expired by the reaper after a crash.
 */
@Entity('credit_leases')
@Check('CHK_credit_leases_amount', `"amount_micros" >= 0`)
@Check('CHK_credit_leases_status', `"status" IN ('open', 'returned', 'expired')`)
@Index('IDX_credit_leases_open_expires_at', ['expiresAt'], { where: `"status" = 'open'` })
@Index('IDX_credit_leases_open_user', ['userId'], { where: `"status" = 'open'` })
export class CreditLeaseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_credit_leases' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('UserEntity')
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_credit_leases_user' })
  user?: unknown;

  /** The process that owns it (host, pid and a random part). */
  @Column({ name: 'instance_id', type: 'varchar', length: 128 })
  instanceId: string;

  /** Still held: grants minus captures taken from it minus returns. */
  @Column({ name: 'amount_micros', type: 'bigint', default: 0, transformer: bigint })
  amountMicros: bigint;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: LeaseStatus;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
