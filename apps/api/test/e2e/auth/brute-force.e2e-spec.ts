import { randomUUID } from 'node:crypto';
import { AUTH_ROUTES, CSRF_HEADER } from '@apilink/contracts';
import { createRedisClient } from '../../../src/infrastructure/redis/redis-client.factory';
import { redisEnv, startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';

const CSRF = { [CSRF_HEADER]: '1' };
const THROTTLE_ENV = {
  TRUST_PROXY: '127.0.0.1',
  AUTH_THROTTLE_MAX_PER_EMAIL: '3',
  AUTH_THROTTLE_MAX_PER_IP: '8',
  AUTH_THROTTLE_WINDOW_SECONDS: '600',
};

function uniqueEmail(): string {
  return `bf-${randomUUID()}@test.apilink.dev`;
}

/** A distinct client address per call (the app trusts X-Forwarded-For from its proxy, TRUST_PROXY=127.0.0.1). */
let lastOctets = 0;
function clientIp(): string {
  lastOctets++;
  return `198.51.${Math.floor(lastOctets / 250)}.${(lastOctets % 250) + 1}`;
}

const login = (testApp: TestApp, ip: string, email: string, password: string) =>
  testApp.http().post(AUTH_ROUTES.login).set(CSRF).set('X-Forwarded-For', ip).send({ email, password });

describe('brute-force throttle on sign-up and login', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ env: THROTTLE_ENV });
  });
  afterAll(() => testApp.close());

  it('never locks the owner out: bad passwords from other addresses leave the right one working at theirs', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const attacker = clientIp();
    // Nine from one address (as the issue measured; it hits the per-address limit) and one from each of four more.
    for (let i = 0; i < 9; i++) expect([401, 429]).toContain((await login(testApp, attacker, session.email, 'wrong password!')).status);
    for (let i = 0; i < 4; i++) expect((await login(testApp, clientIp(), session.email, 'wrong password!')).status).toBe(401);
    const owner = await login(testApp, clientIp(), session.email, session.password);
    expect(owner.status).toBe(200);
    expect(owner.headers['set-cookie']).toBeDefined();
  });

  it('slows one email at one address down with growing delays, not a lock', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const ip = clientIp();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await login(testApp, ip, session.email, 'wrong password!')).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const first = await login(testApp, ip, session.email, session.password);
    expect(first.status).toBe(429);
    expect(first.body.error).toMatchObject({
      code: 'rate_limit_exceeded',
      type: 'rate_limit_error',
      request_id: first.headers['x-request-id'],
    });
    expect(first.headers['set-cookie']).toBeUndefined();
    const firstDelay = Number(first.headers['retry-after']);
    expect(firstDelay).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, firstDelay * 1000 + 100));
    expect((await login(testApp, ip, session.email, 'wrong password!')).status).toBe(401);
    const second = await login(testApp, ip, session.email, session.password);
    expect(second.status).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(firstDelay);
    expect(Number(second.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('treats an unknown email exactly like a known one', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const [knownIp, unknownIp, stranger] = [clientIp(), clientIp(), uniqueEmail()];
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push((await login(testApp, knownIp, session.email, 'wrong password!')).status);
      unknown.push((await login(testApp, unknownIp, stranger, 'wrong password!')).status);
    }
    expect(known).toEqual([401, 401, 401, 401, 429]);
    expect(unknown).toEqual(known);
  });

  it('locks an address after its attempts, whatever emails it tries, sign-ups included', async () => {
    const ip = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await login(testApp, ip, uniqueEmail(), 'wrong password!')).status);
    for (let i = 0; i < 6; i++) {
      const signup = await testApp
        .http()
        .post(AUTH_ROUTES.signup)
        .set(CSRF)
        .set('X-Forwarded-For', ip)
        .send({ email: uniqueEmail(), password: 'correct horse battery staple' });
      statuses.push(signup.status);
    }
    expect(statuses).toEqual([401, 401, 401, 201, 201, 201, 201, 201, 429]);
    // Another address is unaffected.
    expect((await login(testApp, clientIp(), uniqueEmail(), 'wrong password!')).status).toBe(401);
  });
});

describe('brute-force throttle shared through Redis', () => {
  it('counts across instances and stores only hashes, never emails or addresses', async () => {
    const shared = redisEnv();
    const env = { ...THROTTLE_ENV, ...shared };
    const [first, second] = [await startTestApp({ env }), await startTestApp({ env })];
    const redis = createRedisClient(shared.REDIS_URL, '');
    try {
      const session = await TestSession.create(first, { withKey: false });
      const ip = clientIp();
      const statuses: number[] = [];
      for (const app of [first, second, first, second, first])
        statuses.push((await login(app, ip, session.email, 'wrong password!')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      const keys = await redis.keys(`${shared.REDIS_KEY_PREFIX}*`);
      expect(keys.some((key) => key.includes('auth:pair:'))).toBe(true);
      const local = session.email.split('@')[0];
      for (const key of keys) {
        expect(key).not.toContain(local);
        expect(key).not.toContain(ip);
      }
    } finally {
      redis.disconnect();
      await Promise.all([first.close(), second.close()]);
    }
  });
});
