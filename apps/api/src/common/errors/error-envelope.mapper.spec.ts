import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { AppError } from './app-error';
import { renderError } from './error-envelope.mapper';

describe('renderError', () => {
  it('renders an AppError with its status, type, code, param and headers', () => {
    const error = new AppError('Slow down', { status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded', headers: { 'retry-after': '3' } });
    expect(renderError(error, 'req-1')).toEqual({
      status: 429,
      headers: { 'retry-after': '3' },
      body: { error: { message: 'Slow down', type: 'rate_limit_error', param: null, code: 'rate_limit_exceeded', request_id: 'req-1' } },
    });
  });

  it('maps framework 4xx errors to codes by status', () => {
    expect(renderError(new NotFoundException('nope'), 'r').body.error.code).toBe('not_found');
    expect(renderError(new HttpException('Unsupported Media Type', 415), 'r').body.error.code).toBe('unsupported_media_type');
    expect(renderError(new HttpException('Request body is too large', 413), 'r').body.error.code).toBe('payload_too_large');
    expect(renderError(new BadRequestException('Body is not valid JSON'), 'r').body.error.code).toBe('invalid_json');
  });

  it('hides the message of unexpected errors and of framework 5xx', () => {
    for (const error of [new Error('db password is hunter2'), new HttpException('internal detail', 502), 'a string']) {
      const rendered = renderError(error, 'r');
      expect(rendered.status).toBe(500);
      expect(rendered.body.error).toMatchObject({ type: 'api_error', code: 'internal_error' });
      expect(JSON.stringify(rendered)).not.toMatch(/hunter2|internal detail/);
    }
  });
});
