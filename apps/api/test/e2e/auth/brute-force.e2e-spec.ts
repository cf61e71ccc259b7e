import { randomUUID } from 'node:crypto';
import { AUTH_ROUTES, CSRF_HEADER } from '@apilink/contracts';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';

const CSRF = { [CSRF_HEADER]: '1' };

function uniqueEmail(): string {
  return `bf-${randomUUID()}@test.apilink.dev`;
}

/** A distinct client address per test (the app trusts X-Forwarded-For from its proxy, TRUST_PROXY=127.0.0.1). */
function clientIp(): string {
  return `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
}

describe('brute-force throttle on sign-up and login', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({
      env: { TRUST_PROXY: '127.0.0.1', AUTH_THROTTLE_MAX_PER_EMAIL: '3', AUTH_THROTTLE_MAX_PER_IP: '5', AUTH_THROTTLE_WINDOW_SECONDS: '600' },
    });
  });
  afterAll(() => testApp.close());

  const login = (ip: string, email: string, password: string) =>
    testApp.http().post(AUTH_ROUTES.login).set(CSRF).set('X-Forwarded-For', ip).send({ email, password });

  it('locks an email after its attempts from any addresses, even for the right password', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    for (let i = 0; i < 3; i++) expect((await login(clientIp(), session.email, 'wrong password!')).status).toBe(401);
    const locked = await login(clientIp(), session.email, session.password);
    expect(locked.status).toBe(429);
    expect(locked.body.error).toMatchObject({
      code: 'rate_limit_exceeded',
      type: 'rate_limit_error',
      request_id: locked.headers['x-request-id'],
    });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(500);
    expect(locked.headers['set-cookie']).toBeUndefined();
  });

  it('treats an unknown email exactly like a known one', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const known: number[] = [];
    const unknown: number[] = [];
    const stranger = uniqueEmail();
    for (let i = 0; i < 4; i++) {
      known.push((await login(clientIp(), session.email, 'wrong password!')).status);
      unknown.push((await login(clientIp(), stranger, 'wrong password!')).status);
    }
    expect(known).toEqual([401, 401, 401, 429]);
    expect(unknown).toEqual(known);
  });

  it('locks an address after its attempts, whatever emails it tries, sign-ups included', async () => {
    const ip = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await login(ip, uniqueEmail(), 'wrong password!')).status);
    for (let i = 0; i < 3; i++) {
      const signup = await testApp
        .http()
        .post(AUTH_ROUTES.signup)
        .set(CSRF)
        .set('X-Forwarded-For', ip)
        .send({ email: uniqueEmail(), password: 'correct horse battery' });
      statuses.push(signup.status);
    }
    expect(statuses).toEqual([401, 401, 401, 201, 201, 429]);
    // Another address is unaffected.
    expect((await login(clientIp(), uniqueEmail(), 'wrong password!')).status).toBe(401);
  });
});
