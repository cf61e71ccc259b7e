/**
 * The money "tests with numbers" on the real /v1/chat/completions path: concurrency over two API
 * instances, a balance for exactly three requests, the database going away, and kill -9 mid-stream.
 */
import { randomUUID } from 'node:crypto';
import { startMockUpstream, type MockUpstream } from '@apilink/mock-upstream';
import OpenAI from 'openai';
import { DataSource } from 'typeorm';
import { startApiProcess } from '../../support/api-process';
import { billingInvariantViolations } from '../../support/billing-invariants';
import { redisEnv, startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { freePort } from '../../support/free-port';
import { accountOnceLeasesReturned, errorStatus, openHolds, openLeases, waitForRows } from './billing-test-kit';
import { TcpProxy, throughProxy } from './tcp-proxy';

const MODEL = 'openai/gpt-4o-mini';
const BODY = { model: MODEL, messages: [{ role: 'user' as const, content: 'Say something short.' }], max_tokens: 1000 };
/** Many requests from one key: its rate limit must not be what refuses them. */
const UNLIMITED_RPM = 1_000_000;

describe('money on the completion path', () => {
  let mock: MockUpstream;
  let a: TestApp;
  let b: TestApp;
  let providerEnv: Record<string, string>;
  beforeAll(async () => {
    mock = await startMockUpstream({ protocol: 'openai', apiKey: 'sk-mock-billing', chunks: 4 });
    providerEnv = { OPENAI_API_KEY: mock.apiKey, OPENAI_BASE_URL: mock.url };
    // One Redis for both, as in production: a lease is recalled from the other instance through it.
    const shared = { ...providerEnv, ...redisEnv(), BILLING_LEASE_IDLE_SECONDS: '1' };
    a = await startTestApp({ env: shared });
    b = await startTestApp({ env: shared });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await mock?.close();
  });
  beforeEach(() => mock.reset());

  const clientFor = (app: TestApp, session: TestSession) =>
    new OpenAI({ apiKey: session.apiKey, baseURL: `${app.url}/v1`, maxRetries: 0, timeout: 30_000 });

  /** The hold this exact request body takes, read from a probe request's usage row. */
  async function holdPerRequest(): Promise<bigint> {
    const probe = await TestSession.create(a, { credits: 10_000_000n, rpm: UNLIMITED_RPM });
    const completion = await clientFor(a, probe).chat.completions.create(BODY);
    const rows = await waitForRows(a, probe.user.id, 1);
    expect(completion.choices[0].message.content).toBeTruthy();
    return BigInt(rows[0].hold_micros);
  }

  it('admits exactly 3 of 100 simultaneous requests when the balance covers exactly 3; upstream sees 3', async () => {
    const hold = await holdPerRequest();
    const session = await TestSession.create(a, { credits: 3n * hold, rpm: UNLIMITED_RPM });
    mock.reset();
    // Each admitted request really costs more than its hold, so a settlement frees nothing and
    // no fourth request fits later either, however the 100 interleave.
    mock.enqueueReply(
      ...Array.from({ length: 3 }, () => ({ text: 'expensive', usage: { promptTokens: 50_000, completionTokens: 1_000 } })),
    );
    mock.setFault({ kind: 'slowFirstByte', ms: 300 });
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          clientFor(i % 2 === 0 ? a : b, session)
            .chat.completions.create(BODY)
            .then(
              () => 200,
              (error: unknown) => errorStatus(error),
            ),
        ),
      );
      expect(outcomes.filter((status) => status === 200)).toHaveLength(3);
      expect(outcomes.filter((status) => status === 402)).toHaveLength(97);
    } finally {
      mock.clearFault();
    }
    expect(mock.requests).toHaveLength(3);
    const refused = await a.http().post('/v1/chat/completions').set(session.bearer()).send(BODY).expect(402);
    expect(refused.body.error).toMatchObject({
      type: 'insufficient_quota',
      code: 'insufficient_quota',
      message: expect.stringMatching(/^Insufficient balance\. Recharge at \S+\/credits$/),
      request_id: refused.headers['x-request-id'],
    });
    expect(mock.requests).toHaveLength(3);
    const rows = await waitForRows(a, session.user.id, 3);
    // Charged up to the balance and not a micro-dollar beyond: the rest is written off.
    expect(rows.map((row) => BigInt(row.cost_micros))).toEqual([hold, hold, hold]);
    const [account] = await a.app
      .get(DataSource)
      .query('SELECT balance_micros, held_micros FROM credit_accounts WHERE user_id = $1', [session.user.id]);
    expect(account).toEqual({ balance_micros: '0', held_micros: '0' });
    expect(await billingInvariantViolations({ userIds: [session.user.id], upstream: { requests: 3, maxAttempts: 1 } })).toEqual([]);
  });

  it('never overdraws with 200 concurrent requests funded for about 50, over two instances', async () => {
    const hold = await holdPerRequest();
    const funded = 50n * hold;
    const session = await TestSession.create(a, { credits: funded, rpm: UNLIMITED_RPM });
    mock.reset();
    mock.setFault({ kind: 'slowChunks', ms: 30 });
    let outcomes: number[];
    try {
      outcomes = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          clientFor(i % 2 === 0 ? a : b, session)
            .chat.completions.create({ ...BODY, stream: true })
            .then(
              async (stream) => {
                for await (const _chunk of stream) void _chunk;
                return 200;
              },
              (error: unknown) => errorStatus(error),
            ),
        ),
      );
    } finally {
      mock.clearFault();
    }
    const succeeded = outcomes.filter((status) => status === 200).length;
    const refused = outcomes.filter((status) => status === 402).length;
    expect(succeeded + refused).toBe(200);
    expect(succeeded).toBeGreaterThanOrEqual(50);
    expect(refused).toBeGreaterThan(0);
    expect(mock.requests).toHaveLength(succeeded);

    const rows = await waitForRows(a, session.user.id, succeeded);
    const charged = rows.reduce((sum, row) => sum + BigInt(row.cost_micros), 0n);
    const account = await accountOnceLeasesReturned(a.app.get(DataSource), session.user.id);
    expect(account).toEqual({ balance_micros: String(funded - charged), held_micros: '0' });
    expect(BigInt(account.balance_micros)).toBeGreaterThanOrEqual(0n);
    expect(rows.every((row) => row.status === 'success' && BigInt(row.cost_micros) > 0n)).toBe(true);
    // Ledger = balance exactly, each usage row's cost = its capture, no entry ever left available < 0.
    expect(
      await billingInvariantViolations({ userIds: [session.user.id], upstream: { requests: mock.requests.length, maxAttempts: 1 } }),
    ).toEqual([]);
  }, 60_000);

  it('answers 503 without calling the upstream while PostgreSQL is unreachable', async () => {
    const target = new URL(process.env.E2E_DATABASE_URL!);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const fragile = await startTestApp({
      env: { ...providerEnv, DATABASE_URL: throughProxy(process.env.E2E_DATABASE_URL!, await proxy.start()) },
    });
    try {
      const session = await TestSession.create(a, { credits: 10_000_000n, rpm: UNLIMITED_RPM });
      // Warm the key cache so the failure is billing's, not the key lookup's; with leases on, wait
      // until the lease that request took is returned (idle), so no lease covers what follows.
      await clientFor(fragile, session).chat.completions.create(BODY);
      await waitForRows(a, session.user.id, 1);
      await accountOnceLeasesReturned(a.app.get(DataSource), session.user.id);
      mock.reset();
      proxy.cut();
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, () => fragile.http().post('/v1/chat/completions').set(session.bearer()).send(BODY)),
      );
      for (const response of outcomes) {
        expect(response.status).toBe(503);
        expect(response.body.error).toMatchObject({ type: 'api_error', request_id: response.headers['x-request-id'] });
      }
      expect(mock.requests).toHaveLength(0);
      proxy.restore();
      await clientFor(fragile, session).chat.completions.create(BODY);
      expect(mock.requests).toHaveLength(1);
      await waitForRows(a, session.user.id, 2);
      expect(await billingInvariantViolations({ userIds: [session.user.id], upstream: { requests: 2, maxAttempts: 1 } })).toEqual([]);
    } finally {
      proxy.restore();
      await fragile.close();
      await proxy.stop();
    }
  }, 60_000);

  it('keeps prompts and completions out of every table and every log line', async () => {
    const canary = `canary-${randomUUID()}`;
    const session = await TestSession.create(a, { credits: 10_000_000n, rpm: UNLIMITED_RPM });
    const server = await startApiProcess(
      { ...providerEnv, PORT: String(await freePort()), DATABASE_URL: process.env.E2E_DATABASE_URL!, LOG_LEVEL: 'trace' },
      60_000,
    );
    try {
      const client = new OpenAI({ apiKey: session.apiKey, baseURL: `${server.url}/v1`, maxRetries: 0, timeout: 30_000 });
      mock.enqueueReply({ text: `reply ${canary}` }, { text: `streamed ${canary}` });
      const prompt = { ...BODY, messages: [{ role: 'user' as const, content: `Remember ${canary}` }] };
      const completion = await client.chat.completions.create(prompt);
      expect(completion.choices[0].message.content).toContain(canary);
      let streamed = '';
      for await (const chunk of await client.chat.completions.create({ ...prompt, stream: true }))
        streamed += chunk.choices[0]?.delta?.content ?? '';
      expect(streamed).toContain(canary);
      await waitForRows(a, session.user.id, 2);

      const db = a.app.get(DataSource);
      const tables: { name: string }[] = await db.query(`SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public'`);
      const hits: string[] = [];
      for (const { name } of tables) {
        const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM ${name} t WHERE t::text LIKE $1`, [`%${canary}%`]);
        if (count > 0) hits.push(`${name}: ${count}`);
      }
      expect(hits).toEqual([]);
      expect(server.output()).not.toContain(canary);
      expect(server.output().length).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('leaves no hold or lease open after a kill -9 during streams: the restarted instance voids them', async () => {
    const env = {
      ...providerEnv,
      PORT: String(await freePort()),
      DATABASE_URL: process.env.E2E_DATABASE_URL!,
      LOG_LEVEL: 'silent',
      BILLING_HOLD_TTL_SECONDS: '10',
      BILLING_LEASE_TTL_SECONDS: '3',
      BILLING_REAPER_INTERVAL_SECONDS: '1',
    };
    const session = await TestSession.create(a, { credits: 10_000_000n, rpm: UNLIMITED_RPM });
    let server = await startApiProcess(env, 60_000);
    try {
      mock.setFault({ kind: 'slowChunks', ms: 2_000 });
      const client = new OpenAI({ apiKey: session.apiKey, baseURL: `${server.url}/v1`, maxRetries: 0, timeout: 30_000 });
      const streams = Array.from({ length: 5 }, () =>
        client.chat.completions.create({ ...BODY, stream: true }).then(async (stream) => {
          for await (const _chunk of stream) void _chunk;
        }),
      );
      await mock.waitForRequests(5, 10_000);
      const db = a.app.get(DataSource);
      // Each stream holds in PostgreSQL, or (leases on) in a slice of a committed lease.
      const holds = await openHolds(db, session.user.id);
      const [held] = await db.query('SELECT held_micros FROM credit_accounts WHERE user_id = $1', [session.user.id]);
      expect(holds > 0 || BigInt(held.held_micros) > 0n).toBe(true);
      if (process.env.BILLING_LEASES === 'off') expect(holds).toBe(5);

      expect(await server.stop('SIGKILL')).toBeNull();
      await Promise.allSettled(streams);
      mock.clearFault();
      expect(await openHolds(db, session.user.id)).toBe(holds);

      server = await startApiProcess(env, 60_000);
      const deadline = Date.now() + 20_000;
      while ((await openHolds(db, session.user.id)) > 0 || (await openLeases(db, session.user.id)) > 0) {
        if (Date.now() > deadline) throw new Error('holds or leases still open 20 s after the restart');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const rows = await waitForRows(a, session.user.id, holds);
      expect(rows.map((row) => [row.status, row.cost_micros])).toEqual(Array(holds).fill(['expired', '0']));
      const [account] = await db.query('SELECT balance_micros, held_micros FROM credit_accounts WHERE user_id = $1', [session.user.id]);
      expect(account).toEqual({ balance_micros: '10000000', held_micros: '0' });
      expect(await billingInvariantViolations({ userIds: [session.user.id], reaperGraceSeconds: 0 })).toEqual([]);
    } finally {
      mock.clearFault();
      await server.stop('SIGKILL');
    }
  }, 120_000);
});
