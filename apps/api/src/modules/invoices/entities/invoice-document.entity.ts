import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InvoiceEntity } from './invoice.entity';

/** The rendered PDF of an invoice, written once (by the queued job or the first download). */
@Entity('invoice_documents')
export class InvoiceDocumentEntity {
  @PrimaryColumn({ name: 'invoice_id', type: 'uuid', primaryKeyConstraintName: 'PK_invoice_documents' })
  invoiceId: string;

  @ManyToOne(() => InvoiceEntity)
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'FK_invoice_documents_invoice' })
  invoice?: InvoiceEntity;

  @Column({ name: 'content_type', type: 'varchar', length: 64 })
  contentType: string;

  @Column({ type: 'bytea' })
  content: Buffer;

  @Column({ name: 'rendered_at', type: 'timestamptz', default: () => 'now()' })
  renderedAt: Date;
}
