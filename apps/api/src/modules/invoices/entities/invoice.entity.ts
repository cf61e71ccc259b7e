import type { InvoiceKind } from '@apilink/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer as bigint } from '../../../database/bigint.transformer';
import type { InvoiceBuyer, InvoiceLine, InvoiceSeller } from '../invoice-parties';

/** An issued invoice or credit note. A trigger refuses UPDATE and DELETE: issued means final. */
@Entity('invoices')
@Check('CHK_invoices_kind', `"kind" IN ('invoice', 'credit_note')`)
@Check('CHK_invoices_amount', `"amount_micros" > 0`)
@Index('UQ_invoices_series_number', ['series', 'number'], { unique: true })
@Index('UQ_invoices_payment', ['paymentId'], { unique: true, where: `"kind" = 'invoice'` })
@Index('IDX_invoices_user_issued', ['userId', 'issuedAt'])
export class InvoiceEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_invoices' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('UserEntity')
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_invoices_user' })
  user?: unknown;

  @Column({ type: 'varchar', length: 16 })
  kind: InvoiceKind;

  /** `INV-2026`, `CN-2026`: the counter row the number came from. */
  @Column({ type: 'varchar', length: 16 })
  series: string;

  @Column({ type: 'integer' })
  number: number;

  /** `INV-2026-000001` */
  @Index('UQ_invoices_display_number', { unique: true })
  @Column({ name: 'display_number', type: 'varchar', length: 32 })
  displayNumber: string;

  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId: string;

  // Named, not imported: the payments module keeps its entity to itself (like the user relation above).
  @ManyToOne('PaymentEntity')
  @JoinColumn({ name: 'payment_id', foreignKeyConstraintName: 'FK_invoices_payment' })
  payment?: unknown;

  @Column({ name: 'corrects_invoice_id', type: 'uuid', nullable: true })
  correctsInvoiceId: string | null;

  @ManyToOne('InvoiceEntity')
  @JoinColumn({ name: 'corrects_invoice_id', foreignKeyConstraintName: 'FK_invoices_corrects' })
  correctsInvoice?: InvoiceEntity | null;

  /** For credit notes: the refund or dispute it documents (one credit note each). */
  @Index('UQ_invoices_external_ref', { unique: true, where: '"external_ref" IS NOT NULL' })
  @Column({ name: 'external_ref', type: 'varchar', length: 255, nullable: true })
  externalRef: string | null;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ name: 'amount_micros', type: 'bigint', transformer: bigint })
  amountMicros: bigint;

  @Column({ type: 'jsonb' })
  lines: InvoiceLine[];

  @Column({ type: 'jsonb' })
  seller: InvoiceSeller;

  @Column({ type: 'jsonb' })
  buyer: InvoiceBuyer;

  /** The provider's payment reference printed on the invoice. */
  @Column({ name: 'payment_reference', type: 'varchar', length: 255 })
  paymentReference: string;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;
}
