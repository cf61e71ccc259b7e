/** The upstream sent data that does not follow its own wire format (a 502 for the client). */
export class UpstreamProtocolError extends Error {
  override readonly name = 'UpstreamProtocolError';

  constructor(message: string) {
    super(message);
  }
}
