import type { PaymentProviderKind, PaymentStatus } from '@apilink/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer as bigint } from '../../../database/bigint.transformer';

/** A top-up: created pending at checkout, completed (and credited once) by the provider's confirmation. */
@Entity('payments')
@Check('CHK_payments_provider', `"provider" IN ('stripe', 'test')`)
@Check('CHK_payments_status', `"status" IN ('pending', 'completed', 'failed', 'cancelled', 'expired')`)
@Check('CHK_payments_amounts', `"amount_micros" > 0 AND "refunded_micros" >= 0 AND "disputed_micros" >= 0`)
@Index('UQ_payments_checkout_session', ['provider', 'checkoutSessionId'], {
  unique: true,
  where: '"checkout_session_id" IS NOT NULL',
})
@Index('IDX_payments_user_created', ['userId', 'createdAt'])
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_payments' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('UserEntity')
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_payments_user' })
  user?: unknown;

  @Column({ type: 'varchar', length: 16 })
  provider: PaymentProviderKind;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: PaymentStatus;

  /** What was paid (once completed: the amount the provider confirmed). */
  @Column({ name: 'amount_micros', type: 'bigint', transformer: bigint })
  amountMicros: bigint;

  @Column({ type: 'varchar', length: 3, default: 'USD' })
  currency: string;

  /** Cumulative refunds debited so far (Stripe reports a running total). */
  @Column({ name: 'refunded_micros', type: 'bigint', default: 0, transformer: bigint })
  refundedMicros: bigint;

  @Column({ name: 'disputed_micros', type: 'bigint', default: 0, transformer: bigint })
  disputedMicros: bigint;

  /** The provider's checkout id (Stripe `cs_...`). */
  @Column({ name: 'checkout_session_id', type: 'varchar', length: 255, nullable: true })
  checkoutSessionId: string | null;

  /** The provider's payment id (Stripe PaymentIntent `pi_...`) that refunds and disputes name. */
  @Index('IDX_payments_provider_payment_id', { where: '"provider_payment_id" IS NOT NULL' })
  @Column({ name: 'provider_payment_id', type: 'varchar', length: 255, nullable: true })
  providerPaymentId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
