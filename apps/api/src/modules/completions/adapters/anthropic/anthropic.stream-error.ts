import { UpstreamStreamError } from '../errors/upstream-stream.error';
import { asString, isObject } from '../shared/json';

const RETRYABLE_ERROR_TYPES = ['overloaded_error', 'api_error', 'rate_limit_error', 'timeout_error'];

/** The `error` of Anthropic's in-band `event: error`; overloads and rate limits are transient. */
export function anthropicStreamError(error: unknown): UpstreamStreamError {
  const body = isObject(error) ? error : {};
  const type = asString(body.type);
  const message = asString(body.message) ?? 'Anthropic reported an error mid-stream';
  return new UpstreamStreamError(message, type, type !== undefined && RETRYABLE_ERROR_TYPES.includes(type));
}
