/** Why a request's AbortSignal fired; used as the signal's reason so every await sees the cause. */
export class RequestAbortedError extends Error {
  override readonly name = 'RequestAbortedError';

  constructor(readonly kind: 'client_closed' | 'timeout') {
    super(kind === 'timeout' ? 'The request timed out' : 'The client closed the connection');
  }
}
