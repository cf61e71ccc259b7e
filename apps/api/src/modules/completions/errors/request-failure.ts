/** What a request that threw becomes: its usage status, and the error the client gets (none when it left). */
import type { UsageStatus } from '@apilink/contracts';
import { AppError } from '../../../common/errors/app-error';
import type { CompletionOutcome } from '../billing/completion-settlement';
import { requestTimedOut } from './completion-errors';
import { RequestAbortedError } from './request-aborted';

/**
 * Records the failure on `outcome` (usage status, HTTP status) and returns the error to answer with,
 * or null when the client left. @throws `error` itself when it is not one the gateway expects (a bug).
 */
export function recordFailure(outcome: CompletionOutcome, error: unknown, requestTimeoutMs: number): AppError | null {
  let status: UsageStatus;
  let clientError: AppError | null;
  if (error instanceof RequestAbortedError) {
    status = error.kind === 'timeout' ? 'timeout' : 'client_closed';
    clientError = error.kind === 'timeout' ? requestTimedOut(requestTimeoutMs) : null;
  } else if (error instanceof AppError) {
    status = error.status === 504 ? 'timeout' : error.status >= 500 ? 'upstream_error' : 'error';
    clientError = error;
  } else {
    throw error;
  }
  outcome.status = status;
  outcome.httpStatus = clientError?.status ?? 499;
  return clientError;
}
