import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** Buyer details for invoices; each invoice keeps its own snapshot, so edits never change issued ones. */
@Entity('billing_profiles')
export class BillingProfileEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_billing_profiles' })
  userId: string;

  @ManyToOne('UserEntity')
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_billing_profiles_user' })
  user?: unknown;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  company: string | null;

  @Column({ name: 'address_line1', type: 'varchar', length: 200, nullable: true })
  addressLine1: string | null;

  @Column({ name: 'address_line2', type: 'varchar', length: 200, nullable: true })
  addressLine2: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  city: string | null;

  @Column({ name: 'postal_code', type: 'varchar', length: 200, nullable: true })
  postalCode: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  region: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  country: string | null;

  @Column({ name: 'vat_id', type: 'varchar', length: 200, nullable: true })
  vatId: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
