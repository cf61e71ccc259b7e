/**
 * The upstream reported an error inside an already started stream (Anthropic's `event: error`,
 * an OpenAI-style `{"error":...}` data line). The caller ends the client's stream with an
 * in-band error event; `retryable` says whether the failure was transient (overload, rate limit).
 */
export class UpstreamStreamError extends Error {
  override readonly name = 'UpstreamStreamError';

  constructor(
    message: string,
    readonly errorType: string | undefined,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
