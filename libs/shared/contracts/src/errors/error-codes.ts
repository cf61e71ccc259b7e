/** Machine-readable error codes shared by the API and the dashboard. */
export const ErrorCode = {
  InvalidRequest: 'invalid_request',
  InvalidJson: 'invalid_json',
  UnsupportedMediaType: 'unsupported_media_type',
  PayloadTooLarge: 'payload_too_large',
  NotFound: 'not_found',
  ModelNotFound: 'model_not_found',
  ContextLengthExceeded: 'context_length_exceeded',
  UnsupportedParameter: 'unsupported_parameter',
  InvalidApiKey: 'invalid_api_key',
  Unauthenticated: 'unauthenticated',
  Forbidden: 'forbidden',
  RateLimitExceeded: 'rate_limit_exceeded',
  InsufficientQuota: 'insufficient_quota',
  Conflict: 'conflict',
  WeakPassword: 'weak_password',
  /** A staff-made account's session before the person replaces the one-time password (dashboard /api only). */
  PasswordChangeRequired: 'password_change_required',
  UpstreamError: 'upstream_error',
  UpstreamUnavailable: 'upstream_unavailable',
  ServiceUnavailable: 'service_unavailable',
  Timeout: 'timeout',
  InternalError: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** OpenAI's `error.type` values, used for every error envelope. */
export const ErrorType = {
  InvalidRequest: 'invalid_request_error',
  Authentication: 'authentication_error',
  Permission: 'permission_error',
  NotFound: 'not_found_error',
  RateLimit: 'rate_limit_error',
  /** What OpenAI itself sends on a requests-per-minute 429 (`tokens` for a tokens-per-minute one). */
  RateLimitRequests: 'requests',
  InsufficientQuota: 'insufficient_quota',
  Api: 'api_error',
  Server: 'server_error',
} as const;
export type ErrorType = (typeof ErrorType)[keyof typeof ErrorType];
