import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row of the append-only audit log. A database trigger refuses UPDATE, DELETE and TRUNCATE,
 * and there is deliberately no foreign key to users: the record must outlive what it describes.
 */
@Entity('audit_log')
@Index('IDX_audit_log_actor_created', ['actorId', 'createdAt'])
@Index('IDX_audit_log_target_created', ['targetType', 'targetId', 'createdAt'])
@Index('IDX_audit_log_action_created', ['action', 'createdAt'])
export class AuditLogEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_audit_log' })
  id: string;

  /** `user` (a staff member through the API) or `system` (CLI, jobs). */
  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType: 'user' | 'system';

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** The actor's email at the time (users), or what acted (`cli`, a job name). */
  @Column({ name: 'actor_label', type: 'varchar', length: 320 })
  actorLabel: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 16, nullable: true })
  actorRole: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'target_type', type: 'varchar', length: 32 })
  targetType: string;

  @Column({ name: 'target_id', type: 'varchar', length: 200, nullable: true })
  targetId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  @Index('IDX_audit_log_created_at')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
