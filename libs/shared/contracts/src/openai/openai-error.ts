/**
 * The error body OpenAI and OpenAI-compatible upstreams return. Fields are loose because
 * compatible providers fill them inconsistently (`code` may be a number, `param` missing);
 * the gateway's own envelope is ErrorEnvelope in ../errors.
 */
export interface OpenAiErrorBody {
  message: string;
  type?: string | null;
  param?: string | null;
  code?: string | number | null;
}

export interface OpenAiErrorResponse {
  error: OpenAiErrorBody;
}
