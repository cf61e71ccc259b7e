import type { RequestAttempt, UsageStatus } from '@apilink/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer as bigint } from '../../../database/bigint.transformer';

/**
 * One row per settled request, and one per request refused before any hold (status `refused`):
 * metadata and cost, never prompt or completion content.
 */
@Entity('usage_records')
@Check('CHK_usage_records_cost', `"cost_micros" >= 0 AND "uncollected_micros" >= 0`)
@Check('CHK_usage_records_status', `"status" IN ('success', 'client_closed', 'upstream_error', 'timeout', 'error', 'expired', 'refused')`)
@Check(
  'CHK_usage_records_refused',
  `"status" <> 'refused' OR ("cost_micros" = 0 AND "uncollected_micros" = 0 AND "hold_micros" = 0 AND "lease_id" IS NULL)`,
)
@Index('IDX_usage_records_user_created', ['userId', 'createdAt'])
@Index('IDX_usage_records_key_created', ['keyId', 'createdAt'])
export class UsageRecordEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_usage_records' })
  id: string;

  // Unique among settled rows (settlement relies on it). A refused row may share its id with a later
  // settled one: a client may reuse its X-Request-Id when it retries a refusal.
  @Index('UQ_usage_records_request_id', { unique: true, where: `"status" <> 'refused'` })
  @Index('UQ_usage_records_refused_request_id', { unique: true, where: `"status" = 'refused'` })
  @Column({ name: 'request_id', type: 'varchar', length: 128 })
  requestId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('UserEntity')
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_usage_records_user' })
  user?: unknown;

  @Column({ name: 'key_id', type: 'uuid' })
  keyId: string;

  @Column({ type: 'varchar', length: 200 })
  model: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  provider: string | null;

  @Column({ name: 'prompt_tokens', type: 'integer', default: 0 })
  promptTokens: number;

  @Column({ name: 'completion_tokens', type: 'integer', default: 0 })
  completionTokens: number;

  @Column({ name: 'cached_tokens', type: 'integer', default: 0 })
  cachedTokens: number;

  /** What was captured from the balance for this request. */
  @Column({ name: 'cost_micros', type: 'bigint', transformer: bigint })
  costMicros: bigint;

  /** Actual cost beyond what the balance and key cap allowed (written off). */
  @Column({ name: 'uncollected_micros', type: 'bigint', default: 0, transformer: bigint })
  uncollectedMicros: bigint;

  @Column({ name: 'hold_micros', type: 'bigint', transformer: bigint })
  holdMicros: bigint;

  @Column({ type: 'boolean', default: false })
  estimated: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: UsageStatus;

  /** The HTTP status of a refusal; null on settled rows. */
  @Column({ name: 'http_status', type: 'smallint', nullable: true })
  httpStatus: number | null;

  /** The error code of a refusal (`rate_limit_exceeded`, ...); null on settled rows. */
  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode: string | null;

  @Column({ name: 'latency_ms', type: 'integer', nullable: true })
  latencyMs: number | null;

  @Column({ name: 'ttft_ms', type: 'integer', nullable: true })
  ttftMs: number | null;

  /** The upstreams tried, in order (account, outcome, HTTP status, duration); null before it was recorded. */
  @Column({ type: 'jsonb', nullable: true })
  attempts: RequestAttempt[] | null;

  /** When the request started (its hold was made). */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The credit lease the request's hold was carved from; null for a per-request hold (credit_holds). */
  @Column({ name: 'lease_id', type: 'uuid', nullable: true })
  leaseId: string | null;

  @Column({ name: 'settled_at', type: 'timestamptz', default: () => 'now()' })
  settledAt: Date;
}
