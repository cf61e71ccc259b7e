import { METRICS_PATH } from '@apilink/contracts';
import { freePort } from '../support/free-port';
import { startTestApp, type TestApp } from '../support/test-app';

const PRODUCTION = { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40) };
const TOKEN = 'metrics-token-0123456789';

describe('/metrics exposure', () => {
  const apps: TestApp[] = [];
  const start = async (env: Record<string, string>) => {
    const testApp = await startTestApp({ env });
    apps.push(testApp);
    return testApp;
  };
  afterAll(() => Promise.all(apps.map((testApp) => testApp.close())));

  it('refuses to start in production with /metrics open, and says how to close it', async () => {
    await expect(startTestApp({ env: PRODUCTION })).rejects.toThrow(
      /METRICS_TOKEN is required when NODE_ENV=production.*METRICS_PORT.*METRICS_PUBLIC=true/,
    );
    await expect(startTestApp({ env: { ...PRODUCTION, METRICS_TOKEN: 'short' } })).rejects.toThrow(
      /METRICS_TOKEN must be at least 16 characters/,
    );
  });

  it('serves it openly in production only when METRICS_PUBLIC=true says so', async () => {
    const testApp = await start({ ...PRODUCTION, METRICS_PUBLIC: 'true' });
    const response = await testApp.http().get(METRICS_PATH).expect(200);
    expect(response.text).toContain('# TYPE');
  });

  it('requires the token in production when METRICS_TOKEN is set', async () => {
    const testApp = await start({ ...PRODUCTION, METRICS_TOKEN: TOKEN });
    const refused = await testApp.http().get(METRICS_PATH).expect(401);
    expect(refused.body.error.request_id).toBe(refused.headers['x-request-id']);
    await testApp.http().get(METRICS_PATH).set('Authorization', 'Bearer wrong-token-0123456789').expect(401);
    await testApp.http().get(METRICS_PATH).set('Authorization', `Bearer ${TOKEN}`).expect(200);
  });

  it('moves it to METRICS_PORT: the public port answers 404, the internal one serves it (with the token when set)', async () => {
    const port = await freePort();
    const testApp = await start({ ...PRODUCTION, METRICS_PORT: String(port) });
    const hidden = await testApp.http().get(METRICS_PATH).expect(404);
    expect(hidden.body.error.code).toBe('not_found');
    const internal = await fetch(`http://127.0.0.1:${port}${METRICS_PATH}`);
    expect(internal.status).toBe(200);
    expect(await internal.text()).toContain('# TYPE');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(404);

    const tokenPort = await freePort();
    await start({ ...PRODUCTION, METRICS_PORT: String(tokenPort), METRICS_TOKEN: TOKEN });
    expect((await fetch(`http://127.0.0.1:${tokenPort}${METRICS_PATH}`)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${tokenPort}${METRICS_PATH}`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(
      200,
    );
  });

  it('stays open outside production (development scrapes)', async () => {
    const testApp = await start({});
    await testApp.http().get(METRICS_PATH).expect(200);
  });
});
