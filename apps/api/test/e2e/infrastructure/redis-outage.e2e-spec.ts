/**
 * Redis stops in the middle of a load (its connections cut by a TCP proxy the test owns) and
 * comes back: requests go on under per-instance limits, /readyz says not-ready and then ready
 * again, and jobs enqueued during the outage are run once Redis is back.
 */
import { randomUUID } from 'node:crypto';
import { ECHO_MODEL_ID, READINESS_PATH } from '@apilink/contracts';
import { DataSource } from 'typeorm';
import { JOB_QUEUE, type JobQueue } from '../../../src/infrastructure/queue/job-queue.tokens';
import { TcpProxy } from '../billing/tcp-proxy';
import { eventually } from '../../support/eventually';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';

jest.setTimeout(120_000);

// Longer than ioredis's 20 reconnect attempts (~10 s), after which a client gives up on queued commands.
const OUTAGE_MS = 15_000;
const WORKERS = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Redis failing under load', () => {
  let proxy: TcpProxy;
  let testApp: TestApp;
  beforeAll(async () => {
    proxy = new TcpProxy('127.0.0.1', 6379);
    const port = await proxy.start();
    testApp = await startTestApp({
      env: {
        REDIS_URL: `redis://127.0.0.1:${port}`,
        REDIS_KEY_PREFIX: `apilink-test:${randomUUID()}:`,
        API_KEY_LAST_USED_FLUSH_SECONDS: '1',
      },
    });
  });
  afterAll(async () => {
    await testApp?.close();
    await proxy?.stop();
  });

  it('keeps answering, reports not-ready then ready, and runs the jobs enqueued meanwhile', async () => {
    const customer = await TestSession.create(testApp, { credits: 50_000_000n, rpm: 100_000 });
    const duringOutage = await TestSession.create(testApp, { credits: 5_000_000n });
    const limited = await TestSession.create(testApp, { credits: 5_000_000n, rpm: 5 });
    const jobs = testApp.app.get<JobQueue>(JOB_QUEUE);
    const processed = new Set<number>();
    jobs.process<{ n: number }>('outage-test', async (batch) => void batch.forEach(({ n }) => processed.add(n)));

    const statuses: Record<'before' | 'outage' | 'after', number[]> = { before: [], outage: [], after: [] };
    let phase: keyof typeof statuses = 'before';
    let running = true;
    const complete = (secret: string) =>
      fetch(`${testApp.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: ECHO_MODEL_ID, messages: [{ role: 'user', content: 'ping' }] }),
      }).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      });
    const load = Array.from({ length: WORKERS }, async () => {
      while (running) statuses[phase].push(await complete(customer.apiKey));
    });

    await sleep(1_000);
    await testApp.http().get(READINESS_PATH).expect(200);
    proxy.cut();
    phase = 'outage';
    const cutAt = Date.now();
    await eventually(async () => {
      const response = await testApp.http().get(READINESS_PATH);
      expect(response.status).toBe(503);
      expect(response.body.checks).toMatchObject({ database: 'ok', redis: 'unavailable' });
    }, 10_000);
    // Work done during the outage: a key used only now, and jobs enqueued now.
    expect(await complete(duringOutage.apiKey)).toBe(200);
    for (let n = 1; n <= 20; n++) jobs.enqueue('outage-test', { n });
    // Limits still hold, per instance (RATE_LIMIT_INSTANCES=1: the whole limit) rather than lifted.
    const limitedStatuses: number[] = [];
    for (let n = 0; n < 8; n++) limitedStatuses.push(await complete(limited.apiKey));
    expect(limitedStatuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - cutAt)));

    proxy.restore();
    phase = 'after';
    await eventually(async () => {
      const response = await testApp.http().get(READINESS_PATH);
      expect(response.status).toBe(200);
      expect(response.body.checks).toEqual({ database: 'ok', redis: 'ok' });
    }, 15_000);
    // Every job enqueued during the outage runs soon after Redis is back (Bull's own backoff took up to 20 s more).
    await eventually(async () => expect([...processed].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1)), 5_000);
    running = false;
    await Promise.all(load);

    // Once Redis is back, requests are answered again (the load's last in-flight requests straddle the
    // restore, so they only have to be free of 5xx; these five are sent after it).
    expect(await Promise.all(Array.from({ length: 5 }, () => complete(customer.apiKey)))).toEqual([200, 200, 200, 200, 200]);
    for (const [name, list] of Object.entries(statuses)) {
      const counts = list.reduce<Record<number, number>>((tally, status) => ({ ...tally, [status]: (tally[status] ?? 0) + 1 }), {});
      expect({ name, serverErrors: list.filter((status) => status >= 500), counts }).toEqual({ name, serverErrors: [], counts });
      if (name !== 'after') expect({ name, answered: (counts[200] ?? 0) > 0, counts }).toEqual({ name, answered: true, counts });
    }
    await eventually(async () => {
      const [row] = await testApp.app.get(DataSource).query('SELECT last_used_at FROM api_keys WHERE id = $1', [duringOutage.keyId]);
      expect(row.last_used_at).not.toBeNull();
    }, 20_000);
    console.log(
      `redis outage: ${Object.entries(statuses)
        .map(
          ([name, list]) =>
            `${name} ${list.length} requests (${list.filter((status) => status === 200).length} × 200; others ${list.filter((status) => status !== 200).join(' ') || 'none'})`,
        )
        .join(', ')}`,
    );
  });
});
