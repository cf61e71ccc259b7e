/**
 * Decides what an attempt's error means: try the next upstream (and count it against this one's
 * circuit breaker), answer the client with a 400, or neither (a bug: let it surface as a 500).
 */
import type { AppError } from '../../../common/errors/app-error';
import { UnsupportedParameterError } from '../adapters/errors/unsupported-parameter.error';
import { UpstreamProtocolError } from '../adapters/errors/upstream-protocol.error';
import { UpstreamStreamError } from '../adapters/errors/upstream-stream.error';
import type { UpstreamErrorInfo } from '../adapters/upstream-adapter';
import { unsupportedParameter, upstreamRejected } from '../errors/completion-errors';
import { UpstreamFailure, UpstreamRejection } from '../errors/upstream-failure';
import { UpstreamConnectError } from '../transport/upstream-connect.error';

export type AttemptVerdict =
  { kind: 'retry'; reason: string; message: string } | { kind: 'reject'; error: AppError } | { kind: 'unexpected' };

// The account, not the request, is at fault: its key, quota or model id. Another account may work.
const ACCOUNT_STATUSES = new Set([401, 402, 403, 404]);

/** A non-2xx upstream answer as an error to throw from the attempt. */
export function errorForStatus(status: number, info: UpstreamErrorInfo): Error {
  // Gemini answers a bad key with 400 INVALID_ARGUMENT ("API key not valid"): the account's fault too.
  const badKey = status === 400 && /\bapi[ _-]?key\b/i.test(info.message);
  if (info.retryable || ACCOUNT_STATUSES.has(status) || status === 429 || badKey) {
    return new UpstreamFailure(`HTTP ${status}: ${info.message}`, status >= 500 ? 'status_5xx' : `status_${status}`);
  }
  return new UpstreamRejection(info.message, info.code);
}

export function classifyAttemptError(error: unknown): AttemptVerdict {
  if (error instanceof UpstreamConnectError) return { kind: 'retry', reason: error.reason, message: error.message };
  if (error instanceof UpstreamFailure) return { kind: 'retry', reason: error.reason, message: error.message };
  if (error instanceof UpstreamProtocolError) return { kind: 'retry', reason: 'protocol', message: error.message };
  if (error instanceof UpstreamStreamError) {
    return error.retryable
      ? { kind: 'retry', reason: 'stream_error', message: error.message }
      : { kind: 'reject', error: upstreamRejected(error.message, error.errorType) };
  }
  if (error instanceof UpstreamRejection) return { kind: 'reject', error: upstreamRejected(error.message, error.code) };
  if (error instanceof UnsupportedParameterError) return { kind: 'reject', error: unsupportedParameter(error.param, error.message) };
  return { kind: 'unexpected' };
}
