import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { UpstreamAccountEntity } from './upstream-account.entity';

/** One model an upstream account serves, and where it stands in that model's failover order. */
@Entity('upstream_model_routes')
@Index('UQ_upstream_model_routes_account_model', ['accountId', 'modelId'], { unique: true })
export class UpstreamModelRouteEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_upstream_model_routes' })
  id: string;

  @Column({ name: 'upstream_account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne('UpstreamAccountEntity', 'routes', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'upstream_account_id', foreignKeyConstraintName: 'FK_upstream_model_routes_account' })
  account?: UpstreamAccountEntity;

  /** The gateway's public model id, `<provider>/<model>`. */
  @Index('IDX_upstream_model_routes_model_id')
  @Column({ name: 'model_id', type: 'varchar', length: 200 })
  modelId: string;

  /** The id this upstream knows the model by; null sends the catalog's upstream id. */
  @Column({ name: 'upstream_model', type: 'varchar', length: 200, nullable: true })
  upstreamModel: string | null;

  /** Lower is tried first; ties go by account name. */
  @Column({ type: 'integer' })
  priority: number;
}
