import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../../database/bigint.transformer';
import { ModelEntity } from './model.entity';

/** A long-context tier as stored in `long_context_tiers` (micro-USD per 1M tokens). */
export interface StoredLongContextTier {
  aboveInputTokens: number;
  inputMicrosPerMTok: number;
  outputMicrosPerMTok: number;
  cachedInputMicrosPerMTok: number | null;
}

/**
 * One price version of a model, in integer micro-USD per 1,000,000 tokens. Append-only (a trigger
 * refuses updates and deletes): a change is a new row with a later effective_from, so every past
 * charge can be recomputed from the price that applied then.
 */
@Entity('model_prices')
@Index('UQ_model_prices_model_effective', ['modelId', 'effectiveFrom'], { unique: true })
@Check(
  'CHK_model_prices_non_negative',
  `"input_micros_per_mtok" >= 0 AND "output_micros_per_mtok" >= 0 AND COALESCE("cached_input_micros_per_mtok", 0) >= 0 AND COALESCE("cache_write_micros_per_mtok", 0) >= 0 AND COALESCE("reasoning_micros_per_mtok", 0) >= 0`,
)
export class ModelPriceEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_model_prices' })
  id: string;

  @Column({ name: 'model_id', type: 'varchar', length: 200 })
  modelId: string;

  @ManyToOne(() => ModelEntity)
  @JoinColumn({ name: 'model_id', foreignKeyConstraintName: 'FK_model_prices_model' })
  model?: ModelEntity;

  @Column({ name: 'effective_from', type: 'timestamptz' })
  effectiveFrom: Date;

  @Column({ name: 'input_micros_per_mtok', type: 'bigint', transformer: bigintTransformer })
  inputMicrosPerMTok: bigint;

  @Column({ name: 'output_micros_per_mtok', type: 'bigint', transformer: bigintTransformer })
  outputMicrosPerMTok: bigint;

  /** Null: cached input tokens cost the input price. */
  @Column({ name: 'cached_input_micros_per_mtok', type: 'bigint', nullable: true, transformer: bigintTransformer })
  cachedInputMicrosPerMTok: bigint | null;

  @Column({ name: 'cache_write_micros_per_mtok', type: 'bigint', nullable: true, transformer: bigintTransformer })
  cacheWriteMicrosPerMTok: bigint | null;

  /** Null: reasoning tokens cost the output price. */
  @Column({ name: 'reasoning_micros_per_mtok', type: 'bigint', nullable: true, transformer: bigintTransformer })
  reasoningMicrosPerMTok: bigint | null;

  /** Whole-request prices when the input exceeds a threshold (Gemini 2.5 Pro, GPT-5.4...). */
  @Column({ name: 'long_context_tiers', type: 'jsonb', default: () => "'[]'" })
  longContextTiers: StoredLongContextTier[];

  /** `catalog` (seed import) or `admin`. */
  @Column({ type: 'varchar', length: 16 })
  source: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
