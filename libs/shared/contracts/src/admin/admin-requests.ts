/** One `/v1` request as support sees it when a ticket quotes its request id. */
import type { UsageRecord } from '../billing/usage';

/** One upstream tried for the request, in order; the last one answered (or all failed). */
export interface RequestAttempt {
  upstream: string;
  status: 'success' | 'failed';
  /** HTTP status from the upstream, when it answered. */
  httpStatus: number | null;
  /** Why the gateway moved on: `timeout`, `connect_error`, `rate_limited`, `server_error`, `circuit_open`... */
  error: string | null;
  durationMs: number | null;
}

export interface AdminRequestDetail {
  requestId: string;
  user: { id: string; email: string };
  key: { id: string; name: string | null; displayKey: string | null };
  usage: UsageRecord;
  /** Null when the gateway did not record its failover attempts for this request. */
  attempts: RequestAttempt[] | null;
}
