/**
 * Errors in Anthropic's envelope, for the Anthropic-compatible routes (/v1/messages...):
 * `{"type":"error","error":{"type","message"},"request_id"}` with the status's Anthropic error type.
 * The status, message and headers are the ones the OpenAI envelope would carry.
 */
import { renderError } from './error-envelope.mapper';

export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
  request_id: string;
}

export interface RenderedAnthropicError {
  status: number;
  body: AnthropicErrorBody;
  headers: Record<string, string>;
}

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  503: 'overloaded_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

export function anthropicErrorType(status: number): string {
  return TYPE_BY_STATUS[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}

export function renderAnthropicError(error: unknown, requestId: string): RenderedAnthropicError {
  const rendered = renderError(error, requestId);
  return {
    status: rendered.status,
    headers: rendered.headers,
    body: {
      type: 'error',
      error: { type: anthropicErrorType(rendered.status), message: rendered.body.error.message },
      request_id: requestId,
    },
  };
}
