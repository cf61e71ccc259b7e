/**
 * The log lines a real API process writes to stdout: one access line per request with the
 * request id clients see in X-Request-Id, none for probes, no credentials anywhere, and Nest's
 * own lines as structured JSON (its boot chatter only at debug).
 */
import { randomUUID } from 'node:crypto';
import { REQUEST_ID_HEADER } from '@apilink/contracts';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
import { startTestApp, type TestApp } from '../support/test-app';
import { TestSession } from '../support/test-session';

type LogLine = Record<string, unknown>;

describe('access log and structured logs of the API process', () => {
  let testApp: TestApp;
  let server: ApiProcess;
  beforeAll(async () => {
    testApp = await startTestApp();
    server = await startApiProcess(
      { PORT: String(await freePort()), DATABASE_URL: process.env.E2E_DATABASE_URL!, LOG_LEVEL: 'info' },
      60_000,
    );
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await testApp?.close();
  });

  /** Every stdout/stderr line; all of them must be JSON (no pretty printing without a TTY). */
  const lines = (): LogLine[] =>
    server
      .output()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as LogLine);

  const accessLineOf = (requestId: string) =>
    eventually(async () => {
      const found = lines().filter((line) => line.requestId === requestId && line.msg === 'request completed');
      expect(found).toHaveLength(1);
      return found[0];
    }, 5_000);

  it('writes one access line per /v1 request carrying the id of its X-Request-Id header, and none for probes', async () => {
    const session = await TestSession.create(testApp);
    const probeId = `probe-${randomUUID()}`;
    const health = await fetch(`${server.url}/healthz?verbose=1`, { headers: { [REQUEST_ID_HEADER]: probeId } });
    expect(health.status).toBe(200);

    const response = await fetch(`${server.url}/v1/models?limit=5`, { headers: { Authorization: `Bearer ${session.apiKey}` } });
    expect(response.status).toBe(200);
    const requestId = response.headers.get(REQUEST_ID_HEADER)!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const line = await accessLineOf(requestId);
    expect(line).toEqual({
      level: 30,
      time: expect.any(Number),
      pid: expect.any(Number),
      hostname: expect.any(String),
      requestId,
      method: 'GET',
      url: '/v1/models',
      statusCode: 200,
      responseTime: expect.any(Number),
      msg: 'request completed',
    });

    // Lines are written in order, so the probe's line would be in the output by now.
    const all = lines();
    expect(all.filter((entry) => entry.requestId === probeId)).toEqual([]);
    expect(all.filter((entry) => entry.url === '/healthz' || entry.url === '/readyz')).toEqual([]);
    expect(await fetch(`${server.url}/readyz`).then((ready) => ready.status)).toBe(200);
  });

  it('logs refused and unknown requests too, with their status, and never a credential', async () => {
    const session = await TestSession.create(testApp);
    const forged = `${session.apiKey.slice(0, -4)}XXXX`;
    const refused = await fetch(`${server.url}/v1/models`, {
      headers: { Authorization: `Bearer ${forged}`, Cookie: 'apilink_session=s3cret' },
    });
    expect(refused.status).toBe(401);
    const unknown = await fetch(`${server.url}/v1/nope`, { method: 'POST', headers: { Authorization: `Bearer ${session.apiKey}` } });
    expect(unknown.status).toBe(404);

    expect(await accessLineOf(refused.headers.get(REQUEST_ID_HEADER)!)).toMatchObject({ level: 30, url: '/v1/models', statusCode: 401 });
    expect(await accessLineOf(unknown.headers.get(REQUEST_ID_HEADER)!)).toMatchObject({
      level: 30,
      method: 'POST',
      url: '/v1/nope',
      statusCode: 404,
    });
    const output = server.output();
    for (const secret of [session.apiKey, forged, 's3cret', 'Bearer']) expect(output).not.toContain(secret);
    expect(output.toLowerCase()).not.toContain('authorization');
  });

  it("writes Nest's lines as JSON with their context, its per-module and per-route boot lines only at debug", () => {
    const all = lines();
    // At info, ~130 "Mapped {...} route" lines would bury the banner that says where the API is.
    const bootContexts = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);
    expect(all.filter((line) => bootContexts.has(String(line.context)))).toEqual([]);
    expect(all).toContainEqual(
      expect.objectContaining({ level: 30, context: 'ApiLink', msg: expect.stringMatching(/^ApiLink ready in \d+ ms$/) }),
    );
  });
});
