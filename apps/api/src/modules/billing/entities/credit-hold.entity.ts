import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer as bigint } from '../../../database/bigint.transformer';

export type HoldStatus = 'open' | 'captured' | 'released' | 'expired';

/** Funds held for one request in flight: open until captured, released or expired (exactly once). */
@Entity('credit_holds')
@Check('CHK_credit_holds_amount', `"amount_micros" >= 0`)
@Check('CHK_credit_holds_status', `"status" IN ('open', 'captured', 'released', 'expired')`)
@Index('IDX_credit_holds_open_expires_at', ['expiresAt'], { where: `"status" = 'open'` })
export class CreditHoldEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_credit_holds' })
  id: string;

  @Index('UQ_credit_holds_request_id', { unique: true })
  @Column({ name: 'request_id', type: 'varchar', length: 128 })
  requestId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('UserEntity')
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_credit_holds_user' })
  user?: unknown;

  @Column({ name: 'key_id', type: 'uuid' })
  keyId: string;

  @Column({ type: 'varchar', length: 200 })
  model: string;

  @Column({ name: 'amount_micros', type: 'bigint', transformer: bigint })
  amountMicros: bigint;

  /** The key's cap when the hold was made; settlement respects the same cap. */
  @Column({ name: 'spend_cap_micros', type: 'bigint', nullable: true, transformer: bigint })
  spendCapMicros: bigint | null;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: HoldStatus;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
