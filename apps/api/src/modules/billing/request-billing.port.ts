/**
 * The contract between the completions path and billing: reserve before the upstream call,
 * then capture or release exactly once. Inject `REQUEST_BILLING` (exported by BillingModule).
 *
 *   const estimate = costFor(promptTokens, model.inputPrice) + costFor(maxOutput, model.outputPrice);
 *   const hold = await billing.reserve({ requestId, userId, keyId, spendCapMicros, amountMicros: estimate, model });
 *   try { ...upstream... } finally { await billing.capture(hold, { actualCostMicros, ... }) or billing.release(hold, ...) }
 */
import type { RequestAttempt, UsageStatus } from '@apilink/contracts';

export interface ReserveRequest {
  /** The gateway's request id (`request.id`); settlement is idempotent by it. */
  requestId: string;
  userId: string;
  keyId: string;
  /** The key's lifetime spend cap (ApiKeyPrincipal.spendCapMicros); null for none. */
  spendCapMicros: bigint | null;
  /** Worst-case cost: prompt tokens × input price + output cap × output price (costFor each). */
  amountMicros: bigint;
  /** The public model id, recorded on the usage row. */
  model: string;
}

/** Funds held for one request; pass it back to capture or release. */
export interface Hold {
  id: string;
  requestId: string;
  userId: string;
  keyId: string;
  model: string;
  amountMicros: bigint;
  createdAt: Date;
  /** The reaper voids the hold (or expires its lease) after this (a crashed request is never charged). */
  expiresAt: Date;
  /** Set when the hold is a slice carved from this credit lease rather than a row of its own. */
  leaseId?: string;
}

export interface RequestOutcome {
  status: UsageStatus;
  /** The upstream that answered (e.g. `openai`), or null when none did. */
  provider: string | null;
  /** Whole request, from arrival to the last byte. */
  latencyMs: number | null;
  /** Time to the first token sent to the client; null when none was. */
  ttftMs: number | null;
  /** The upstreams tried, in order (no keys or content); omitted or null when none is known. */
  attempts?: RequestAttempt[] | null;
}

export interface CaptureUsage extends RequestOutcome {
  /** The real cost from upstream usage (costFor per component), or from counted tokens. */
  actualCostMicros: bigint;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  /** True when the upstream gave no usage and the tokens were counted by the gateway. */
  estimated: boolean;
}

export interface Settlement {
  /** False when the hold had already been settled or expired: nothing changed this time. */
  settled: boolean;
  /** What the account paid for the request. */
  chargedMicros: bigint;
  /** Actual cost beyond the hold that the balance or key cap could not cover (written off). */
  uncollectedMicros: bigint;
}

export interface RequestBilling {
  /**
   * The check that runs before any costly work on a request (such as counting a large prompt): an
   * account whose balance is not positive is refused. Makes no query for an account seen funded
   * recently; `reserve` stays the judge of whether the request's hold fits.
   * @throws AppError 402 `insufficient_quota`; AppError 503 when the database cannot be reached.
   */
  assertFunded(userId: string): Promise<void>;
  /**
   * Holds `amountMicros`, committed before this resolves.
   * @throws AppError 402 `insufficient_quota` when the available balance or the key's spend cap
   *   does not cover it; AppError 503 when the database cannot be reached (never proceed then).
   */
  reserve(request: ReserveRequest): Promise<Hold>;
  /**
   * Charges the actual cost and releases the rest of the hold, writing the usage row in the same
   * transaction. Above the hold, the charge goes on as far as the available balance (and the key
   * cap) allow; the rest is recorded as uncollected. Retries transient database errors; safe to
   * call twice.
   */
  capture(hold: Hold, usage: CaptureUsage): Promise<Settlement>;
  /** Voids the hold (failure before the first token): cost 0, a usage row with the status. */
  release(hold: Hold, outcome: RequestOutcome): Promise<Settlement>;
}

export const REQUEST_BILLING = Symbol('REQUEST_BILLING');
