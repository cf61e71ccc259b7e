/** The upstream could not be reached or did not start answering in time; the next upstream may. */
export class UpstreamConnectError extends Error {
  override readonly name = 'UpstreamConnectError';

  constructor(
    message: string,
    /** `connect` (refused, reset, DNS, TLS) or `timeout` (connect or headers timeout). */
    readonly reason: 'connect' | 'timeout',
  ) {
    super(message);
  }
}
