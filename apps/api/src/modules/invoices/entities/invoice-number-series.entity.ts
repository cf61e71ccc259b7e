import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The last number issued per series; incremented under its row lock inside the issuing transaction. */
@Entity('invoice_number_series')
@Check('CHK_invoice_number_series_last', `"last_number" > 0`)
export class InvoiceNumberSeriesEntity {
  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'PK_invoice_number_series' })
  series: string;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber: number;
}
