import { readFixture } from '../__testing__/fixtures';
import { parseGeminiError } from './gemini.error-parser';

describe('parseGeminiError', () => {
  it('reads a RESOURCE_EXHAUSTED error as retryable', () => {
    expect(parseGeminiError(429, readFixture(__dirname, 'gemini-error-429.json'))).toEqual({
      message: 'You exceeded your current quota, please check your plan.',
      type: 'RESOURCE_EXHAUSTED',
      code: 'RESOURCE_EXHAUSTED',
      retryable: true,
    });
  });

  it('unwraps the array some endpoints return', () => {
    expect(parseGeminiError(400, readFixture(__dirname, 'gemini-error-400-array.json'))).toEqual({
      message: 'API key not valid. Please pass a valid API key.',
      type: 'INVALID_ARGUMENT',
      code: 'INVALID_ARGUMENT',
      retryable: false,
    });
  });

  it('falls back to the status for an empty body', () => {
    expect(parseGeminiError(503, '')).toEqual({ message: 'Upstream returned HTTP 503', type: undefined, code: undefined, retryable: true });
  });
});
