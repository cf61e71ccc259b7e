// Type-only: entities are loaded by TypeORM's own CLI and test setup, where the contracts path alias is unknown.
import type { UpstreamProtocolName } from '@apilink/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { UpstreamModelRouteEntity } from './upstream-model-route.entity';

/**
 * An upstream provider account managed by admins. Its API key is stored only as AES-256-GCM
 * ciphertext bound to this row's id, plus the last four characters for display.
 */
@Entity('upstream_accounts')
// UPSTREAM_PROTOCOLS as the database knows it: a new protocol needs a migration (the drift test compares).
@Check('CHK_upstream_accounts_protocol', `"protocol" IN ('openai', 'anthropic', 'gemini')`)
export class UpstreamAccountEntity {
  /** Generated in code before the insert: the key's ciphertext is bound to it. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_upstream_accounts' })
  id: string;

  @Index('UQ_upstream_accounts_name', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  protocol: UpstreamProtocolName;

  @Column({ name: 'base_url', type: 'varchar', length: 2048 })
  baseUrl: string;

  /** `v1.<key fingerprint>.<base64url(iv | tag | ciphertext)>` */
  @Column({ name: 'api_key_ciphertext', type: 'text' })
  apiKeyCiphertext: string;

  @Column({ name: 'api_key_last4', type: 'varchar', length: 4 })
  apiKeyLast4: string;

  /** A built-in OpenAI-compatible provider whose quirks apply (e.g. `deepseek`). */
  @Column({ name: 'quirks_preset', type: 'varchar', length: 64, nullable: true })
  quirksPreset: string | null;

  /** Quirks of its own on top of the preset, already validated. */
  @Column({ type: 'jsonb', nullable: true })
  quirks: Record<string, unknown> | null;

  /** Null uses the gateway's request timeout. */
  @Column({ name: 'timeout_ms', type: 'integer', nullable: true })
  timeoutMs: number | null;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @OneToMany('UpstreamModelRouteEntity', 'account', { cascade: ['insert'] })
  routes?: UpstreamModelRouteEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
