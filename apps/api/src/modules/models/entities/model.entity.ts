import type { ModelKind } from '@apilink/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A sellable chat or embedding model: catalog facts plus the operator's switch. Prices live in model_prices. */
@Entity('models')
@Check('CHK_models_kind', `"kind" IN ('chat', 'embedding')`)
export class ModelEntity {
  /** Public id `<provider>/<upstream model id>`. */
  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'PK_models' })
  id: string;

  @Index('IDX_models_provider')
  @Column({ type: 'varchar', length: 64 })
  provider: string;

  @Column({ name: 'upstream_model', type: 'varchar', length: 200 })
  upstreamModel: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Which endpoint serves it: chat (chat completions and the other generation APIs) or embedding (/v1/embeddings). */
  @Column({ type: 'varchar', length: 16, default: 'chat' })
  kind: ModelKind;

  @Column({ name: 'owned_by', type: 'varchar', length: 64 })
  ownedBy: string;

  /** OpenAI's `created`: when the model was released. */
  @Column({ name: 'released_at', type: 'timestamptz' })
  releasedAt: Date;

  @Column({ name: 'context_window', type: 'integer' })
  contextWindow: number;

  @Column({ name: 'max_output_tokens', type: 'integer' })
  maxOutputTokens: number;

  @Column({ name: 'max_input_tokens', type: 'integer', nullable: true })
  maxInputTokens: number | null;

  @Column({ name: 'supports_tools', type: 'boolean', default: false })
  supportsTools: boolean;

  @Column({ name: 'supports_vision', type: 'boolean', default: false })
  supportsVision: boolean;

  @Column({ name: 'supports_reasoning', type: 'boolean', default: false })
  supportsReasoning: boolean;

  @Column({ type: 'text', array: true })
  modalities: string[];

  @Column({ type: 'varchar', length: 16, default: 'ga' })
  status: string;

  /** Off: never listed or served, whatever upstreams are configured. */
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ name: 'disabled_reason', type: 'varchar', length: 300, nullable: true })
  disabledReason: string | null;

  /** Other names clients may use for this model (admin-managed); unique across ids and aliases. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  /** Output tokens assumed when a request sets no cap (hold estimate, Anthropic's max_tokens); null: the model's maximum. */
  @Column({ name: 'default_max_output_tokens', type: 'integer', nullable: true })
  defaultMaxOutputTokens: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
