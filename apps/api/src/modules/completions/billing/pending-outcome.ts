import type { CompletionOutcome } from './completion-settlement';
import { DeliveredOutput } from './delivered-output';

/** A request's outcome before anything happened: an error unless the request path records better. */
export function pendingOutcome(stream: boolean, startedAt: number): CompletionOutcome {
  return {
    status: 'error',
    httpStatus: 500,
    upstreamId: null,
    attempts: [],
    usage: null,
    delivered: new DeliveredOutput(),
    stream,
    startedAt,
    firstTokenAt: null,
  };
}
