import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../../database/bigint.transformer';

@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_api_keys' })
  id: string;

  @Index('IDX_api_keys_user_id')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  // Named by string: keys must not import the auth module (auth depends on keys, not the reverse).
  @ManyToOne('UserEntity')
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_api_keys_user' })
  user?: unknown;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Hex SHA-256 of the full secret; the secret itself is never stored. */
  @Index('UQ_api_keys_key_hash', { unique: true })
  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash: string;

  @Column({ name: 'display_prefix', type: 'varchar', length: 16 })
  displayPrefix: string;

  @Column({ name: 'display_suffix', type: 'varchar', length: 8 })
  displaySuffix: string;

  /** Null uses RATE_LIMIT_RPM. */
  @Column({ name: 'rpm_limit', type: 'integer', nullable: true })
  rpmLimit: number | null;

  /** Enforced by billing when it reserves funds for a request. */
  @Column({ name: 'spend_cap_micros', type: 'bigint', nullable: true, transformer: bigintTransformer })
  spendCapMicros: bigint | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Stamped in batches, so it lags real use by up to API_KEY_LAST_USED_FLUSH_SECONDS. */
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
