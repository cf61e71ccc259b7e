import { randomUUID } from 'node:crypto';
import { BILLING_ROUTES } from '@apilink/contracts';
import type { Response } from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { TestSession } from '../support/test-session';

const DEEP = (levels: number) => `{"name":${'['.repeat(levels)}${']'.repeat(levels)}}`;

/** The usual envelope, carrying the same request id as the response header. */
function expectEnvelope(response: Response, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['x-request-id']).toEqual(expect.any(String));
  const param = response.body?.error?.param === null ? null : expect.any(String);
  expect(response.body).toEqual({
    error: { message: expect.any(String), type: 'invalid_request_error', param, code, request_id: response.headers['x-request-id'] },
  });
}

describe('bad input gets a 4xx in the usual envelope, never a 500', () => {
  let testApp: TestApp;
  let customer: TestSession;
  let admin: TestSession;
  beforeAll(async () => {
    testApp = await startTestApp();
    customer = await TestSession.create(testApp);
    admin = await TestSession.create(testApp, { role: 'admin', withKey: false });
  });
  afterAll(() => testApp.close());

  it('answers path parameters that cannot name anything with 404 before they reach PostgreSQL', async () => {
    for (const path of [
      '/api/billing/usage/requests/%00',
      '/api/keys/%00',
      '/api/billing/payments/not-a-uuid',
      '/api/billing/invoices/%00/pdf',
    ]) {
      const response = await customer.api('get', path);
      expectEnvelope(response, 404, 'not_found');
    }
    expectEnvelope(await admin.api('get', '/api/admin/requests/%00'), 404, 'not_found');
    expectEnvelope(await admin.api('get', '/api/admin/models/%00'), 404, 'not_found');
    expectEnvelope(await testApp.http().get('/v1/models/%00').set(customer.bearer()), 404, 'not_found');
  });

  it('still finds a request by a caller-chosen request id of up to 128 characters', async () => {
    const response = await customer.api('get', `/api/billing/usage/requests/${'r'.repeat(128)}`);
    // The handler's own 404 (no such record), not the guard's (no such id can exist).
    expectEnvelope(response, 404, 'not_found');
    expect(response.body.error.message).not.toMatch(/must be/);
  });

  it('refuses bodies nested deeper than 64 levels on every route, before validation', async () => {
    const modelId = encodeURIComponent('openai/gpt-4o-mini');
    const cases: Array<[TestSession, 'post' | 'patch', string]> = [
      [customer, 'post', '/api/keys'],
      [customer, 'patch', `/api/keys/${randomUUID()}`],
      [customer, 'post', BILLING_ROUTES.checkout],
      [admin, 'patch', `/api/admin/models/${modelId}`],
      [admin, 'post', `/api/admin/users/${customer.user.id}/credit-adjustments`],
    ];
    for (const [session, method, path] of cases) {
      const response = await session.api(method, path).set('Content-Type', 'application/json').send(DEEP(500_000));
      expectEnvelope(response, 400, 'invalid_request');
      expect(response.body.error.message).toBe('The request body is nested deeper than 64 levels (in name)');
    }
    const v1 = await testApp
      .http()
      .post('/v1/chat/completions')
      .set(customer.bearer())
      .set('Content-Type', 'application/json')
      .send(DEEP(65));
    expectEnvelope(v1, 400, 'invalid_request');
  });

  it('refuses NUL characters in dashboard API bodies and queries (PostgreSQL cannot store them)', async () => {
    const body = await customer.api('post', '/api/keys').send({ name: 'a\u0000b' });
    expectEnvelope(body, 400, 'invalid_request');
    expect(body.body.error.param).toBe('name');
    expectEnvelope(await customer.api('get', '/api/billing/usage?model=%00'), 400, 'invalid_request');
  });

  it('answers a malformed URL with the envelope and the request id, on /v1 and /api', async () => {
    for (const path of ['/v1/%ZZ', '/api/%ZZ', '/v1/models/%E0%A4%A']) {
      const response = await testApp.http().post(path).set('X-Request-Id', 'bad-url-1');
      expectEnvelope(response, 400, 'invalid_request');
      expect(response.headers['x-request-id']).toBe('bad-url-1');
      expect(response.body.error.message).not.toContain('%');
    }
    // Anthropic's routes answer in Anthropic's envelope, with its `request-id` header too.
    const anthropic = await testApp.http().post('/v1/messages/%ZZ').set('X-Request-Id', 'bad-url-2').expect(400);
    expect(anthropic.headers['request-id']).toBe('bad-url-2');
    expect(anthropic.body).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: expect.any(String) },
      request_id: 'bad-url-2',
    });
  });
});
