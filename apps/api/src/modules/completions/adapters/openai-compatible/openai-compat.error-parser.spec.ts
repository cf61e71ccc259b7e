import { readFixture } from '../__testing__/fixtures';
import { parseOpenAiCompatError } from './openai-compat.error-parser';

describe('parseOpenAiCompatError', () => {
  it('reads the OpenAI envelope and redacts the echoed key', () => {
    const info = parseOpenAiCompatError(401, readFixture(__dirname, 'openai-error-401.json'));
    expect(info).toEqual({
      message: expect.stringMatching(/^Incorrect API key provided: \[redacted\]\./),
      type: 'invalid_request_error',
      code: 'invalid_api_key',
      retryable: false,
    });
    expect(info.message).not.toContain('sk-proj');
  });

  it('marks rate limits retryable but an exhausted quota not', () => {
    expect(parseOpenAiCompatError(429, readFixture(__dirname, 'openai-error-429-rate.json'))).toMatchObject({
      code: 'rate_limit_exceeded',
      retryable: true,
    });
    expect(parseOpenAiCompatError(429, readFixture(__dirname, 'openai-error-429-quota.json'))).toMatchObject({
      code: 'insufficient_quota',
      retryable: false,
    });
  });

  it('reads flat bodies of Mistral-style servers', () => {
    expect(parseOpenAiCompatError(400, readFixture(__dirname, 'mistral-error-400.json'))).toEqual({
      message: 'Invalid model: mistral-huge',
      type: 'invalid_model',
      code: '1500',
      retryable: false,
    });
  });

  it('falls back to the status and an excerpt for bodies that are not JSON', () => {
    expect(parseOpenAiCompatError(502, '<html>Bad gateway</html>')).toEqual({
      message: 'Upstream returned HTTP 502: <html>Bad gateway</html>',
      type: undefined,
      code: undefined,
      retryable: true,
    });
    expect(parseOpenAiCompatError(400, '{"error":"model not found"}').message).toBe('model not found');
  });
});
