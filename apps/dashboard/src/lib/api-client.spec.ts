import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, buildUrl } from './api-client';
import { onSessionExpired } from './session-events';

function respond(status: number, body: string, headers: Record<string, string> = {}) {
  // A fresh Response per call: a body can be read only once. 204 must have a null body.
  const fetchMock = vi.fn().mockImplementation(async () => new Response(status === 204 ? null : body, { status, headers }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('apiRequest', () => {
  it('turns the error envelope into an ApiError that carries the request id in its message', async () => {
    respond(
      400,
      JSON.stringify({
        error: {
          message: 'name must be shorter',
          type: 'invalid_request_error',
          param: 'name',
          code: 'invalid_request',
          request_id: 'req-123',
        },
      }),
      { 'content-type': 'application/json' },
    );
    const error = await apiRequest('/api/keys', { method: 'POST', body: { name: 'x' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      detail: 'name must be shorter',
      param: 'name',
      code: 'invalid_request',
      type: 'invalid_request_error',
      requestId: 'req-123',
      message: 'name must be shorter (request id: req-123)',
    });
  });

  it('falls back to plain words and the X-Request-Id header when the body is not an envelope', async () => {
    respond(502, '<html>Bad gateway</html>', { 'x-request-id': 'proxy-9' });
    const error = (await apiRequest('/api/keys').catch((caught: unknown) => caught)) as ApiError;
    expect(error.detail).toBe('The server is unreachable right now.');
    expect(error.requestId).toBe('proxy-9');
  });

  it('reports a network failure as a readable error with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = (await apiRequest('/api/keys').catch((caught: unknown) => caught)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/Cannot reach ApiLink/);
  });

  it('sends JSON with the CSRF header on writes and none on reads', async () => {
    const fetchMock = respond(200, '{"ok":true}');
    await apiRequest('/api/keys', { method: 'POST', body: { name: 'ci' } });
    await apiRequest('/api/keys');
    const [, write] = fetchMock.mock.calls[0] as [string, RequestInit];
    const [, read] = fetchMock.mock.calls[1] as [string, RequestInit];
    expect(write.headers).toMatchObject({ 'x-apilink-csrf': '1', 'content-type': 'application/json' });
    expect(write.body).toBe('{"name":"ci"}');
    expect(write.credentials).toBe('same-origin');
    expect(read.headers).not.toHaveProperty('x-apilink-csrf');
  });

  it('announces an ended session on 401 unless the caller expects one', async () => {
    const listener = vi.fn();
    const unsubscribe = onSessionExpired(listener);
    respond(
      401,
      JSON.stringify({ error: { message: 'Log in first', type: 'authentication_error', param: null, code: null, request_id: 'r' } }),
    );
    await apiRequest('/api/keys').catch(() => undefined);
    await apiRequest('/api/auth/login', { method: 'POST', expectUnauthenticated: true }).catch(() => undefined);
    unsubscribe();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('resolves to undefined for 204 No Content', async () => {
    respond(204, '');
    await expect(apiRequest('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });
});

describe('buildUrl', () => {
  it('drops empty filters and encodes the rest', () => {
    expect(buildUrl('/api/usage', { model: 'openai/gpt-4o', key: '', page: 2, status: undefined })).toBe(
      '/api/usage?model=openai%2Fgpt-4o&page=2',
    );
  });
});
