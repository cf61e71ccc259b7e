import { fallbackErrorMessage, isRetryableStatus, redactSecrets } from './upstream-error';

describe('upstream error helpers', () => {
  it.each([
    [408, true],
    [429, true],
    [500, true],
    [529, true],
    [400, false],
    [401, false],
    [404, false],
  ])('treats HTTP %i as retryable: %s', (status, retryable) => {
    expect(isRetryableStatus(status)).toBe(retryable);
  });

  it('redacts keys echoed in upstream messages', () => {
    expect(redactSecrets('Incorrect API key provided: sk-proj-AbCdEfGh1234.')).toBe('Incorrect API key provided: [redacted].');
    expect(redactSecrets('key AIzaSyA1234567890abcdef is invalid')).toBe('key [redacted] is invalid');
    expect(redactSecrets('header Bearer abc.def.ghi123 rejected')).toBe('header [redacted] rejected');
  });

  it('summarises bodies without a message by status and a short excerpt', () => {
    expect(fallbackErrorMessage(502, '')).toBe('Upstream returned HTTP 502');
    expect(fallbackErrorMessage(503, `<html>${'x'.repeat(500)}</html>`)).toHaveLength('Upstream returned HTTP 503: '.length + 300);
  });
});
