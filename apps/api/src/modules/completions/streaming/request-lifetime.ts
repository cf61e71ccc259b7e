/**
 * The life of one completion request: an AbortSignal that fires the moment the client disconnects
 * or the whole-request timeout passes, so the upstream request is cancelled at once.
 */
import type { ServerResponse } from 'node:http';
import { RequestAbortedError } from '../errors/request-aborted';

export class RequestLifetime {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onClose = () => {
    if (!this.raw.writableFinished) this.controller.abort(new RequestAbortedError('client_closed'));
  };

  /** `remainingMs`: what is left of the whole-request timeout, which started when the request arrived. */
  constructor(
    private readonly raw: ServerResponse,
    remainingMs: number,
  ) {
    this.timer = setTimeout(() => this.controller.abort(new RequestAbortedError('timeout')), Math.max(1, remainingMs));
    raw.once('close', this.onClose);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The reason the request was cut short, or null while it runs (or after it completed). */
  get abortCause(): RequestAbortedError['kind'] | null {
    return this.controller.signal.aborted ? (this.controller.signal.reason as RequestAbortedError).kind : null;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.raw.off('close', this.onClose);
  }
}
