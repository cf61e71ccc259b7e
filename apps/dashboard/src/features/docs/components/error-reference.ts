/** The errors customers meet, in the order of the HTTP status. Codes come from the shared contracts. */
import { BillingErrorCode, ErrorCode } from '@apilink/contracts';

export interface ErrorReference {
  status: number;
  code: string;
  meaning: string;
  action: string;
}

export const ERROR_REFERENCE: ErrorReference[] = [
  {
    status: 400,
    code: ErrorCode.InvalidRequest,
    meaning: "A field is missing or invalid; the error's param names it.",
    action: 'Fix the request; do not retry as is.',
  },
  {
    status: 400,
    code: ErrorCode.ContextLengthExceeded,
    meaning: "The prompt plus max_tokens is larger than the model's context window.",
    action: 'Shorten the conversation or lower max_tokens.',
  },
  {
    status: 400,
    code: ErrorCode.UnsupportedParameter,
    meaning: "The provider serving this model cannot honour a parameter; the error's param names it.",
    action: 'Remove the parameter or pick another model.',
  },
  {
    status: 401,
    code: ErrorCode.InvalidApiKey,
    meaning: 'The key is missing, malformed, unknown, revoked or expired.',
    action: 'Check the Authorization header and the key on the API keys page.',
  },
  {
    status: 402,
    code: ErrorCode.InsufficientQuota,
    meaning: 'Your balance is below the most this request could cost.',
    action: 'Add credits, or lower max_tokens so less is held.',
  },
  {
    status: 402,
    code: BillingErrorCode.SpendCapReached,
    meaning: "The key's own spend cap would be exceeded.",
    action: 'Raise the cap or use another key.',
  },
  {
    status: 404,
    code: ErrorCode.ModelNotFound,
    meaning: 'The model id is unknown or not active.',
    action: 'Pick an id from GET /v1/models.',
  },
  {
    status: 413,
    code: ErrorCode.PayloadTooLarge,
    meaning: 'The request body is larger than the gateway accepts.',
    action: 'Send smaller images or fewer messages.',
  },
  { status: 415, code: ErrorCode.UnsupportedMediaType, meaning: 'The body is not JSON.', action: 'Send Content-Type: application/json.' },
  {
    status: 429,
    code: ErrorCode.RateLimitExceeded,
    meaning: "You are over the key's requests per minute.",
    action: 'Wait for retry-after seconds; the official SDKs do this for you.',
  },
  {
    status: 500,
    code: ErrorCode.InternalError,
    meaning: 'Something failed inside ApiLink.',
    action: 'Retry; if it persists, send us the request id.',
  },
  {
    status: 502,
    code: ErrorCode.UpstreamError,
    meaning: 'The model provider returned an error.',
    action: 'Retry later or try another model.',
  },
  {
    status: 503,
    code: ErrorCode.UpstreamUnavailable,
    meaning: 'Every provider for this model failed or is cooling down.',
    action: 'Retry shortly, with backoff.',
  },
  {
    status: 504,
    code: ErrorCode.Timeout,
    meaning: 'The request took longer than the gateway allows.',
    action: 'Retry, stream, or ask for fewer tokens.',
  },
];
