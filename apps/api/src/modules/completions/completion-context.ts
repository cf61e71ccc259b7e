/** Per-request state shared by the JSON and streaming paths: what they found out, for settlement. */
import { randomBytes } from 'node:crypto';
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

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `chatcmpl-` and 29 alphanumerics, OpenAI's shape. */
export function newCompletionId(): string {
  const bytes = randomBytes(29);
  let id = 'chatcmpl-';
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

// The whole-request timeout must win the race against an attempt's own limit, so its 504 is what the client sees.
const DEADLINE_MARGIN_MS = 1_000;

/**
 * How long an attempt may wait for the upstream's response headers: its own limit (if any), but
 * never past the request's deadline (plus a margin, so the request timeout fires first).
 */
export function headersTimeoutFor(context: CompletionContext, attemptLimitMs: number | null): number {
  const untilDeadline = Math.max(1, Math.floor(context.deadline - performance.now())) + DEADLINE_MARGIN_MS;
  return attemptLimitMs === null ? untilDeadline : Math.min(attemptLimitMs, untilDeadline);
}
