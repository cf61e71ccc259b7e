import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Webhook deliveries already handled: the unique event id makes a redelivery a no-op. */
@Entity('payment_provider_events')
@Index('UQ_payment_provider_events_event', ['provider', 'eventId'], { unique: true })
export class PaymentProviderEventEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_payment_provider_events' })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  provider: string;

  @Column({ name: 'event_id', type: 'varchar', length: 255 })
  eventId: string;

  @Column({ type: 'varchar', length: 100 })
  type: string;

  /** What handling the event did, e.g. `credited`, `ignored`. */
  @Column({ type: 'varchar', length: 32 })
  outcome: string;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
