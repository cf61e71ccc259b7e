import { startTestApp, type TestApp } from '../support/test-app';

describe('health endpoints', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('answers /healthz without authentication', async () => {
    const response = await testApp.http().get('/healthz').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('reports the database as ready on /readyz', async () => {
    const response = await testApp.http().get('/readyz').expect(200);
    expect(response.body).toEqual({ status: 'ok', checks: { database: 'ok' } });
  });
});

describe('readiness with Redis configured', () => {
  it('checks Redis too, and answers 503 when it is unreachable', async () => {
    const down = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const response = await down.http().get('/readyz').expect(503);
      expect(response.body).toEqual({ status: 'unavailable', checks: { database: 'ok', redis: 'unavailable' } });
    } finally {
      await down.close();
    }
  });

  it('answers 200 when Redis is reachable', async () => {
    const up = await startTestApp({ env: { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' } });
    try {
      const response = await up.http().get('/readyz').expect(200);
      expect(response.body.checks).toEqual({ database: 'ok', redis: 'ok' });
    } finally {
      await up.close();
    }
  });
});
