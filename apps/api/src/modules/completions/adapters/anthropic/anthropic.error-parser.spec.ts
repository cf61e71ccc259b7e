import { readFixture } from '../__testing__/fixtures';
import { parseAnthropicError } from './anthropic.error-parser';

describe('parseAnthropicError', () => {
  it.each([
    ['anthropic-error-429.json', 429, 'rate_limit_error', true],
    ['anthropic-error-529.json', 529, 'overloaded_error', true],
    ['anthropic-error-400.json', 400, 'invalid_request_error', false],
  ])('reads %s', (name, status, type, retryable) => {
    const info = parseAnthropicError(status, readFixture(__dirname, name));
    const body = JSON.parse(readFixture(__dirname, name));
    expect(info).toEqual({ message: body.error.message, type, code: type, retryable });
  });

  it('falls back to the status for bodies that are not JSON', () => {
    expect(parseAnthropicError(500, 'upstream connect error')).toMatchObject({
      message: 'Upstream returned HTTP 500: upstream connect error',
      retryable: true,
    });
  });
});
