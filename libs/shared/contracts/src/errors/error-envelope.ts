/**
 * The one error body the API returns, under /v1 (OpenAI's envelope) and the internal API alike,
 * so OpenAI SDKs and the dashboard read errors the same way.
 */
export interface ErrorEnvelope {
  error: {
    message: string;
    type: string;
    param: string | null;
    code: string | null;
    request_id: string;
  };
}
