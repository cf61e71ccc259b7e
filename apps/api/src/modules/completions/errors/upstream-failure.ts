/** An upstream attempt failed in a way another upstream may not (5xx, 429, bad credentials, broken body). */
export class UpstreamFailure extends Error {
  override readonly name = 'UpstreamFailure';

  constructor(
    message: string,
    /** Metrics label: status_429, status_5xx, status_401, read, ... */
    readonly reason: string,
  ) {
    super(message);
  }
}

/** The upstream refused the request itself (a 4xx about its content): no retry, a 400 for the client. */
export class UpstreamRejection extends Error {
  override readonly name = 'UpstreamRejection';

  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}
