import { HttpStatus } from '@nestjs/common';
import { ErrorType } from '@apilink/contracts';
import { AppError } from './app-error';
import { anthropicErrorType, renderAnthropicError } from './anthropic-error-envelope.mapper';

describe('renderAnthropicError', () => {
  it.each([
    [400, 'invalid_request_error'],
    [401, 'authentication_error'],
    [402, 'billing_error'],
    [403, 'permission_error'],
    [404, 'not_found_error'],
    [413, 'request_too_large'],
    [422, 'invalid_request_error'],
    [429, 'rate_limit_error'],
    [500, 'api_error'],
    [502, 'api_error'],
    [503, 'overloaded_error'],
    [504, 'timeout_error'],
    [529, 'overloaded_error'],
  ])('maps %i to %s', (status, type) => {
    expect(anthropicErrorType(status)).toBe(type);
  });

  it('keeps the status, message and headers of an AppError in the Anthropic envelope', () => {
    const error = new AppError('Slow down', {
      status: HttpStatus.TOO_MANY_REQUESTS,
      type: ErrorType.RateLimit,
      code: 'x',
      headers: { 'retry-after': '3' },
    });
    expect(renderAnthropicError(error, 'req-1')).toEqual({
      status: 429,
      headers: { 'retry-after': '3' },
      body: { type: 'error', error: { type: 'rate_limit_error', message: 'Slow down' }, request_id: 'req-1' },
    });
  });

  it('never leaks an unknown error', () => {
    const rendered = renderAnthropicError(new Error('db password is hunter2'), 'req-2');
    expect(rendered.status).toBe(500);
    expect(rendered.body.error.type).toBe('api_error');
    expect(rendered.body.error.message).not.toMatch(/hunter2/);
  });
});
