/** Per-request state shared by the JSON and streaming paths: what they found out, for settlement. */
import { randomUUID } from 'node:crypto';
import type { ChatCompletionRequest } from '@apilink/contracts';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import type { ResponseContext } from './adapters/upstream-adapter';
import type { AdmittedRequest } from './admission/request-admission';
import type { CompletionOutcome } from './billing/completion-settlement';
import type { RequestLifetime } from './streaming/request-lifetime';

export interface CompletionContext {
  request: ChatCompletionRequest;
  caller: ApiKeyPrincipal;
  requestId: string;
  admitted: AdmittedRequest;
  lifetime: RequestLifetime;
  /** Identity of the OpenAI object returned: `chatcmpl-...`, the model id the client asked for. */
  response: ResponseContext;
  outcome: CompletionOutcome;
  /** performance.now() by which the whole request must be done. */
  deadline: number;
}

/**
 * `chatcmpl-` and 29 alphanumerics, OpenAI's shape. Hex from randomUUID, which draws on Node's
 * pooled entropy: a fresh randomBytes() per request showed up in the gateway's CPU profile.
 */
export function newCompletionId(): string {
  return `chatcmpl-${randomUUID().replace(/-/g, '').slice(0, 29)}`;
}

// The whole-request timeout must win the race against an attempt's own limit, so its 504 is what the client sees.
const DEADLINE_MARGIN_MS = 1_000;

/**
 * How long an attempt may wait for the upstream's response headers: its own limit (if any), but
 * never past the request's deadline (plus a margin, so the request timeout fires first).
 */
export function headersTimeoutFor(context: Pick<CompletionContext, 'deadline'>, attemptLimitMs: number | null): number {
  const untilDeadline = Math.max(1, Math.floor(context.deadline - performance.now())) + DEADLINE_MARGIN_MS;
  return attemptLimitMs === null ? untilDeadline : Math.min(attemptLimitMs, untilDeadline);
}
