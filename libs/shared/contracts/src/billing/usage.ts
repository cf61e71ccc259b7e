/** The per-request usage log (never prompt or completion content). */
import type { Money } from './money';

/**
 * How a request ended. `success`: the model finished. `client_closed`: the client went away
 * mid-stream (billed for the prompt and what was delivered). `upstream_error` / `timeout` /
 * `error`: failed (released when nothing was delivered). `expired`: never settled (crash); the
 * reaper voided its hold. `refused`: answered with a 4xx before any funds were held or any
 * upstream was called (rate limit, unknown model, balance, invalid body); no cost, no tokens.
 */
export const USAGE_STATUSES = ['success', 'client_closed', 'upstream_error', 'timeout', 'error', 'expired', 'refused'] as const;
export type UsageStatus = (typeof USAGE_STATUSES)[number];

export interface UsageRecord {
  requestId: string;
  keyId: string;
  model: string;
  /** The upstream that answered, or null when none did. */
  provider: string | null;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  /** What the account was charged. */
  cost: Money;
  /** Cost above what the balance or the key's cap allowed, written off (0 almost always). */
  uncollected: Money;
  /** True when the upstream reported no usage and the gateway counted the tokens itself. */
  estimated: boolean;
  status: UsageStatus;
  /** The HTTP status the client got; set on refused rows (null on rows settled from a hold). */
  httpStatus: number | null;
  /** The error code the client got (`rate_limit_exceeded`, `model_not_found`, ...); refused rows only. */
  errorCode: string | null;
  latencyMs: number | null;
  ttftMs: number | null;
  /** When the request started. */
  createdAt: string;
}

/** Query string of the usage list, the CSV export and the per-model totals; all optional. */
export interface UsageFilters {
  keyId?: string;
  model?: string;
  status?: UsageStatus;
  /** ISO 8601, inclusive. */
  from?: string;
  /** ISO 8601, exclusive. */
  to?: string;
}

export interface ModelUsageTotal {
  model: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cost: Money;
}

export interface ModelUsageTotals {
  data: ModelUsageTotal[];
  total: Money;
}

/** Query string of the per-day totals: the usage filters and the time zone that draws the days. */
export interface DailyUsageQuery extends UsageFilters {
  /** IANA name (e.g. `Europe/Berlin`); default `UTC`. */
  timeZone?: string;
}

/** One calendar day with usage; days without requests are left out. */
export interface DailyUsage {
  /** YYYY-MM-DD in the query's time zone. */
  day: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cost: Money;
}

export interface DailyUsageTotals {
  /** Oldest day first. */
  data: DailyUsage[];
  total: Money;
  timeZone: string;
}
