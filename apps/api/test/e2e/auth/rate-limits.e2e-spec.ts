import net from 'node:net';
import OpenAI from 'openai';
import type { Response } from 'supertest';
import { redisEnv, startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { AuthProbeModule } from './probe.module';
import { settleJobs } from './settle-jobs';

const WHOAMI = '/v1/test-whoami';
const DURATION = /^(\d+ms|(\d+h)?(\d+m)?\d+(\.\d+)?s)$/;

function expectRateHeaders(response: Response, limit: number, remaining: number): void {
  expect(response.headers['x-ratelimit-limit-requests']).toBe(String(limit));
  expect(response.headers['x-ratelimit-remaining-requests']).toBe(String(remaining));
  expect(response.headers['x-ratelimit-reset-requests']).toMatch(DURATION);
}

function expect429(response: Response, limit: number): void {
  expect(response.status).toBe(429);
  expect(response.body).toEqual({
    error: {
      message: expect.stringContaining('Rate limit reached'),
      type: 'requests',
      param: null,
      code: 'rate_limit_exceeded',
      request_id: response.headers['x-request-id'],
    },
  });
  expectRateHeaders(response, limit, 0);
  expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(60);
}

describe('per-key rate limits', () => {
  describe('on one instance without Redis', () => {
    let testApp: TestApp;
    beforeAll(async () => {
      testApp = await startTestApp({ extraImports: [AuthProbeModule] });
    });
    afterAll(() => testApp.close());

    it('uses RATE_LIMIT_RPM (60) for a key without its own limit and reports it on every response', async () => {
      const session = await TestSession.create(testApp);
      const first = await testApp.http().get(WHOAMI).set(session.bearer()).expect(200);
      expectRateHeaders(first, 60, 59);
      expect(first.headers['x-ratelimit-reset-requests']).toMatch(/^(59\.\d+s|1m0s|60s)$/);
    });

    it("allows exactly the key's own limit per minute, then answers 429 with OpenAI's headers", async () => {
      const session = await TestSession.create(testApp, { rpm: 3 });
      for (let i = 0; i < 3; i++) expectRateHeaders(await testApp.http().get(WHOAMI).set(session.bearer()).expect(200), 3, 2 - i);
      expect429(await testApp.http().get(WHOAMI).set(session.bearer()), 3);
      expect429(await testApp.http().post(WHOAMI).set(session.bearer()), 3);
    });

    it('counts each key on its own, not by IP', async () => {
      const spent = await TestSession.create(testApp, { rpm: 1 });
      await testApp.http().get(WHOAMI).set(spent.bearer()).expect(200);
      await testApp.http().get(WHOAMI).set(spent.bearer()).expect(429);
      const fresh = await TestSession.create(testApp, { rpm: 1 });
      await testApp.http().get(WHOAMI).set(fresh.bearer()).expect(200);
    });

    it('leaves routes that do not use API keys alone', async () => {
      const session = await TestSession.create(testApp, { rpm: 1 });
      for (let i = 0; i < 3; i++) {
        const response = await testApp.http().get('/api/keys').set('Cookie', session.cookie).expect(200);
        expect(response.headers['x-ratelimit-limit-requests']).toBeUndefined();
      }
    });

    it('lets the official SDK see a RateLimitError with the retry-after header', async () => {
      const session = await TestSession.create(testApp, { rpm: 1 });
      const client = new OpenAI({ apiKey: session.apiKey, baseURL: `${testApp.url}/v1`, maxRetries: 0 });
      await client.get('/test-whoami');
      const error = await client.get('/test-whoami').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpenAI.RateLimitError);
      expect((error as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('rate_limit_exceeded');
      expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toMatch(/^\d+$/);
    });
  });

  describe('on two instances sharing Redis', () => {
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      const redis = redisEnv();
      a = await startTestApp({ env: redis, extraImports: [AuthProbeModule] });
      b = await startTestApp({ env: redis, extraImports: [AuthProbeModule] });
    });
    afterAll(async () => {
      await settleJobs(a, b);
      await a?.close();
      await b?.close();
    });

    it('lets exactly 60 of 100 concurrent requests through for a 60 RPM key, and 429s the other 40 with headers', async () => {
      const session = await TestSession.create(a, { rpm: 60 });
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? a : b).http().get(WHOAMI).set(session.bearer())),
      );
      const ok = responses.filter((response) => response.status === 200);
      const limited = responses.filter((response) => response.status === 429);
      expect({ ok: ok.length, limited: limited.length }).toEqual({ ok: 60, limited: 40 });
      for (const response of limited) expect429(response, 60);
      const remaining = ok.map((response) => Number(response.headers['x-ratelimit-remaining-requests'])).sort((x, y) => x - y);
      expect(remaining).toEqual(Array.from({ length: 60 }, (_, i) => i));
    });

    // 1,000 per minute is busy enough for token leases (10 tokens per instance at a time).
    it('lets exactly 1,000 of 1,100 requests through for a 1,000 RPM key served from leased tokens', async () => {
      const session = await TestSession.create(a, { rpm: 1_000 });
      const statuses: number[] = [];
      for (let wave = 0; wave < 22; wave++) {
        const responses = await Promise.all(
          Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a : b).http().get(WHOAMI).set(session.bearer())),
        );
        statuses.push(...responses.map((response) => response.status));
      }
      expect({ ok: statuses.filter((status) => status === 200).length, limited: statuses.filter((status) => status === 429).length }).toEqual({
        ok: 1_000,
        limited: 100,
      });
    });

    it("serves a request on one instance while the key's tokens sit unused in the other's lease", async () => {
      const session = await TestSession.create(a, { rpm: 400 });
      // Two quick requests on A: the second leases tokens that A then leaves unused.
      await a.http().get(WHOAMI).set(session.bearer()).expect(200);
      await a.http().get(WHOAMI).set(session.bearer()).expect(200);
      let servedOnB = 0;
      for (;;) {
        const response = await b.http().get(WHOAMI).set(session.bearer());
        if (response.status !== 200) {
          expect429(response, 400);
          break;
        }
        servedOnB += 1;
      }
      expect(servedOnB).toBe(398);
    });
  });

  describe('when Redis becomes unreachable', () => {
    let proxy: net.Server | null = null;
    let sockets: net.Socket[] = [];
    let port = 0;
    let testApp: TestApp;

    // A TCP hop in front of the real Redis that the test can cut and restore.
    async function openProxy(): Promise<void> {
      proxy = net.createServer((client) => {
        const upstream = net.connect(6379, '127.0.0.1');
        sockets.push(client, upstream);
        client.pipe(upstream).pipe(client);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
      });
      await new Promise<void>((resolve) => proxy!.listen(port, '127.0.0.1', resolve));
      port = (proxy.address() as net.AddressInfo).port;
    }

    function cutProxy(): void {
      proxy?.close();
      proxy = null;
      for (const socket of sockets) socket.destroy();
      sockets = [];
    }

    beforeAll(async () => {
      await openProxy();
      testApp = await startTestApp({
        env: { ...redisEnv(), REDIS_URL: `redis://127.0.0.1:${port}`, RATE_LIMIT_INSTANCES: '2' },
        extraImports: [AuthProbeModule],
      });
    });
    afterAll(async () => {
      // Redis back first: the queue's shutdown drain needs it.
      if (!proxy) await openProxy();
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await settleJobs(testApp);
      await testApp?.close();
      cutProxy();
    });

    it('falls back to limit / RATE_LIMIT_INSTANCES per instance instead of failing or letting everything through', async () => {
      const session = await TestSession.create(testApp, { rpm: 10 });
      expectRateHeaders(await testApp.http().get(WHOAMI).set(session.bearer()).expect(200), 10, 9);
      cutProxy();
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const response = await testApp.http().get(WHOAMI).set(session.bearer());
        statuses.push(response.status);
        if (response.status === 200) expect(response.headers['x-ratelimit-limit-requests']).toBe('5');
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    });
  });
});
