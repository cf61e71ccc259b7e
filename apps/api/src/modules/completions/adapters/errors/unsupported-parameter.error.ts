/** A client parameter the chosen upstream cannot honour; rendered as an OpenAI 400 naming `param`. */
export class UnsupportedParameterError extends Error {
  override readonly name = 'UnsupportedParameterError';

  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}
