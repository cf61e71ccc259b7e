import { Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { MicroBatcher, type BatchResult } from '../../../common/batching/micro-batcher';
import { sentErrorCode } from '../../../common/errors/sent-error-code';
import { MemoryRateLimitStore } from '../../rate-limit/memory.rate-limit-store';
import { fundsHeld } from './funds-held';

/** One request answered with a 4xx before any hold: a `refused` usage row to be. */
export interface Refusal {
  requestId: string;
  userId: string;
  keyId: string;
  /** The model as the client named it ('' when the body named none). */
  model: string;
  httpStatus: number;
  errorCode: string | null;
  latencyMs: number;
  createdAt: Date;
}

/** A refusal storm from one key is sampled: its first rows each second are kept, the rest only counted. */
export const REFUSALS_PER_KEY_PER_SECOND = 10;
/** Rows waiting for the database beyond this are dropped (and counted): the database is not keeping up. */
export const MAX_PENDING_REFUSALS = 5_000;
/** Refusals go in batches: one INSERT per batch, gathered for this long. */
const LINGER_MS = 200;
const MAX_BATCH_SIZE = 500;
const MODEL_MAX_LENGTH = 200;
const DROPPED_LOG_EVERY_MS = 60_000;

/**
 * Records /v1 requests refused before any funds were held or any upstream was called (429 rate
 * limit, 404 unknown model, 402 balance or spend cap, 400 invalid body; any 4xx once the key is
 * known), so that a customer who quotes such a request id finds it. Off the request path: a
 * Fastify onResponse hook queues the row after the answer is sent, and rows are written in
 * batched multi-row INSERTs. Bounded: at most REFUSALS_PER_KEY_PER_SECOND rows per key per second
 * and MAX_PENDING_REFUSALS queued; the excess is counted and logged, not written.
 */
@Injectable()
export class RefusalRecorder implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(RefusalRecorder.name);
  private readonly batcher: MicroBatcher<Refusal, void>;
  /** Per instance, like the queue bound: each instance samples the refusals it answered. */
  private readonly perKey = new MemoryRateLimitStore();
  private dropped = 0;
  private droppedLoggedAt = 0;

  constructor(
    private readonly db: DataSource,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.batcher = new MicroBatcher((items) => this.insert(items), { maxBatchSize: MAX_BATCH_SIZE, lingerMs: LINGER_MS });
  }

  onModuleInit(): void {
    // Worker and CLI contexts have no HTTP server.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addHook('onResponse', (request, reply, done) => {
      const refusal = refusalOf(request, reply);
      if (refusal) this.record(refusal);
      done();
    });
  }

  /** Writes the rows still queued while the database is open (TypeORM closes in the next phase). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.batcher.drain();
  }

  /** Queues the row, unless its key is over its share this second or the queue is full. */
  record(refusal: Refusal): void {
    if (!this.admit(refusal.keyId)) return this.drop();
    void this.batcher.submit(refusal).catch((error: unknown) => {
      this.logger.warn({ err: error, requestId: refusal.requestId }, 'Could not record a refused request');
    });
  }

  /** Refusals counted but not written since boot (over the per-key rate or the queue bound). */
  get droppedCount(): number {
    return this.dropped;
  }

  private admit(keyId: string): boolean {
    if (this.batcher.size >= MAX_PENDING_REFUSALS) return false;
    return !this.perKey.hit(keyId, 1_000, REFUSALS_PER_KEY_PER_SECOND).isBlocked;
  }

  private drop(): void {
    this.dropped++;
    const now = Date.now();
    if (now - this.droppedLoggedAt < DROPPED_LOG_EVERY_MS) return;
    this.droppedLoggedAt = now;
    this.logger.warn(
      { dropped: this.dropped },
      `Refused requests over ${REFUSALS_PER_KEY_PER_SECOND} per key per second (or ${MAX_PENDING_REFUSALS} queued) are not recorded`,
    );
  }

  private async insert(items: Refusal[]): Promise<BatchResult<void>[]> {
    // The same request id refused twice (a caller's reused X-Request-Id) keeps its first row.
    await this.db.query(
      `INSERT INTO usage_records (request_id, user_id, key_id, model, cost_micros, hold_micros, status, http_status, error_code, latency_ms, created_at)
       SELECT r.request_id, r.user_id, r.key_id, r.model, 0, 0, 'refused', r.http_status, r.error_code, r.latency_ms, r.created_at
         FROM unnest($1::varchar[], $2::uuid[], $3::uuid[], $4::varchar[], $5::smallint[], $6::varchar[], $7::integer[], $8::timestamptz[])
           AS r(request_id, user_id, key_id, model, http_status, error_code, latency_ms, created_at)
       ON CONFLICT (request_id) WHERE status = 'refused' DO NOTHING`,
      [
        items.map((item) => item.requestId),
        items.map((item) => item.userId),
        items.map((item) => item.keyId),
        items.map((item) => item.model),
        items.map((item) => item.httpStatus),
        items.map((item) => item.errorCode),
        items.map((item) => item.latencyMs),
        items.map((item) => item.createdAt),
      ],
    );
    return items.map(() => ({ ok: true, value: undefined }));
  }
}

/** A POST to /v1 by a known key, answered with a 4xx, that never got a hold; else null. */
export function refusalOf(request: FastifyRequest, reply: FastifyReply): Refusal | null {
  const status = reply.statusCode;
  if (status < 400 || status >= 500 || request.method !== 'POST') return null;
  const principal = request.principal;
  if (principal?.kind !== 'api-key' || !request.url.startsWith('/v1/') || fundsHeld(request)) return null;
  const latencyMs = Math.round(reply.elapsedTime);
  return {
    requestId: String(request.id),
    userId: principal.userId,
    keyId: principal.keyId,
    model: requestedModel(request.body),
    httpStatus: status,
    errorCode: sentErrorCode(request)?.slice(0, 64) ?? null,
    latencyMs,
    createdAt: new Date(Date.now() - latencyMs),
  };
}

function requestedModel(body: unknown): string {
  const model = typeof body === 'object' && body !== null ? (body as { model?: unknown }).model : undefined;
  return typeof model === 'string' ? model.slice(0, MODEL_MAX_LENGTH) : '';
}
