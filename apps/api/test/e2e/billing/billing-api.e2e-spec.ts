import { BILLING_ROUTES, CREDITS_PATH } from '@apilink/contracts';
import { DataSource } from 'typeorm';
import { billingInvariantViolations } from '../../support/billing-invariants';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { billingOf, reserveRequest, usage, USD } from './billing-test-kit';

/** The balance, ledger and usage endpoints: /v1/credits for API keys, /api/billing/* for the dashboard. */
describe('billing API', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp?.close());

  /** Runs one request through reserve → capture, at a chosen model and status. */
  async function spend(
    session: TestSession,
    cost: bigint,
    overrides: { model?: string; status?: 'success' | 'client_closed'; keyId?: string } = {},
  ) {
    const hold = await billingOf(testApp).reserve(
      reserveRequest(session, cost + 1_000n, { model: overrides.model ?? 'openai/gpt-4o-mini', keyId: overrides.keyId ?? session.keyId }),
    );
    await billingOf(testApp).capture(hold, usage(cost, { status: overrides.status ?? 'success' }));
    return hold.requestId;
  }

  describe('GET /v1/credits', () => {
    it("returns the key owner's credits and usage, exact in micro-USD and as USD strings", async () => {
      const session = await TestSession.create(testApp, { credits: 25n * USD });
      await spend(session, 1_234_567n);
      const held = await billingOf(testApp).reserve(reserveRequest(session, 2n * USD));

      const response = await testApp.http().get(CREDITS_PATH).set(session.bearer()).expect(200);
      expect(response.body).toEqual({
        data: {
          total_credits: 25,
          total_usage: 1.234567,
          total_credits_micros: 25_000_000,
          total_usage_micros: 1_234_567,
          balance_micros: 23_765_433,
          held_micros: 2_000_000,
          available_micros: 21_765_433,
          total_credits_usd: '25.000000',
          total_usage_usd: '1.234567',
          balance_usd: '23.765433',
          held_usd: '2.000000',
          available_usd: '21.765433',
          currency: 'USD',
        },
      });
      expect(response.body.data.total_credits - response.body.data.total_usage).toBeCloseTo(23.765433, 6);
      await billingOf(testApp).release(held, { status: 'error', provider: null, latencyMs: 1, ttftMs: null });
    });

    it('answers zeros for a new account and 401 without a key', async () => {
      const session = await TestSession.create(testApp);
      const response = await testApp.http().get(CREDITS_PATH).set(session.bearer()).expect(200);
      expect(response.body.data).toMatchObject({ total_credits: 0, total_usage: 0, balance_micros: 0, balance_usd: '0.000000' });
      const denied = await testApp.http().get(CREDITS_PATH).expect(401);
      expect(denied.body.error.request_id).toBe(denied.headers['x-request-id']);
    });
  });

  describe('/api/billing (dashboard)', () => {
    it('shows the balance as Money values and needs a session', async () => {
      const session = await TestSession.create(testApp, { credits: 7_500_000n });
      await spend(session, 500_000n);
      const response = await session.api('get', BILLING_ROUTES.balance).expect(200);
      expect(response.body).toEqual({
        balance: { micros: '7000000', usd: '7.000000' },
        held: { micros: '0', usd: '0.000000' },
        available: { micros: '7000000', usd: '7.000000' },
        totalCredits: { micros: '7500000', usd: '7.500000' },
        totalUsage: { micros: '500000', usd: '0.500000' },
        currency: 'USD',
      });
      await testApp.http().get(BILLING_ROUTES.balance).expect(401);
      await testApp.http().get(BILLING_ROUTES.balance).set(session.bearer()).expect(401);
    });

    it('pages the ledger newest first, filters by kind, and shows only the caller’s entries', async () => {
      const session = await TestSession.create(testApp, { credits: 10n * USD });
      const other = await TestSession.create(testApp, { credits: 3n * USD });
      for (let i = 0; i < 3; i++) await spend(session, 100_000n * BigInt(i + 1));

      const first = await session.api('get', `${BILLING_ROUTES.ledger}?page=1&pageSize=4`).expect(200);
      expect(first.body).toMatchObject({ page: 1, pageSize: 4, total: 7 }); // grant + 3 × (hold, capture)
      expect(first.body.data.map((entry: { kind: string }) => entry.kind)).toEqual(['capture', 'hold', 'capture', 'hold']);
      expect(first.body.data[0]).toMatchObject({
        kind: 'capture',
        amount: { micros: '-300000', usd: '-0.300000' },
        heldChange: { micros: '-301000', usd: '-0.301000' },
        balanceAfter: { micros: '9400000', usd: '9.400000' },
        heldAfter: { micros: '0', usd: '0.000000' },
        requestId: expect.any(String),
      });
      const second = await session.api('get', `${BILLING_ROUTES.ledger}?page=2&pageSize=4`).expect(200);
      expect(second.body.data.map((entry: { kind: string }) => entry.kind)).toEqual(['capture', 'hold', 'grant']);
      expect(second.body.data[2]).toMatchObject({ amount: { micros: '10000000' }, description: 'test credits' });

      const grants = await session.api('get', `${BILLING_ROUTES.ledger}?kind=grant,top_up`).expect(200);
      expect(grants.body).toMatchObject({ total: 1, data: [{ kind: 'grant' }] });
      const mine = new Set(first.body.data.concat(second.body.data).map((entry: { id: string }) => entry.id));
      const theirs = await other.api('get', BILLING_ROUTES.ledger).expect(200);
      expect(theirs.body.data.some((entry: { id: string }) => mine.has(entry.id))).toBe(false);

      const bad = await session.api('get', `${BILLING_ROUTES.ledger}?pageSize=201`).expect(400);
      expect(bad.body.error.param).toBe('pageSize');
      expect((await session.api('get', `${BILLING_ROUTES.ledger}?kind=bogus`).expect(400)).body.error.param).toBe('kind');
    });

    it('lists usage with filters and pages, looks up one request, totals per model and exports CSV', async () => {
      const session = await TestSession.create(testApp, { credits: 50n * USD });
      const db = testApp.app.get(DataSource);
      const ids = {
        a: await spend(session, 1_000_000n, { model: 'openai/gpt-4o' }),
        b: await spend(session, 250_000n, { model: 'openai/gpt-4o-mini' }),
        c: await spend(session, 2_000_000n, { model: 'openai/gpt-4o', status: 'client_closed' }),
        d: await spend(session, 125_000n, { model: 'anthropic/claude-3-5-haiku' }),
      };
      // Spread the requests over days so the date filter has something to cut.
      await db.query(`UPDATE usage_records SET created_at = '2026-01-10T12:00:00Z' WHERE request_id = $1`, [ids.a]);
      await db.query(`UPDATE usage_records SET created_at = '2026-01-11T12:00:00Z' WHERE request_id = $1`, [ids.b]);
      await db.query(`UPDATE usage_records SET created_at = '2026-01-12T12:00:00Z' WHERE request_id = $1`, [ids.c]);
      await db.query(`UPDATE usage_records SET created_at = '2026-01-13T12:00:00Z' WHERE request_id = $1`, [ids.d]);

      const all = await session.api('get', BILLING_ROUTES.usage).expect(200);
      expect(all.body).toMatchObject({ page: 1, pageSize: 50, total: 4 });
      expect(all.body.data.map((row: { requestId: string }) => row.requestId)).toEqual([ids.d, ids.c, ids.b, ids.a]);
      expect(all.body.data[1]).toEqual({
        requestId: ids.c,
        keyId: session.keyId,
        model: 'openai/gpt-4o',
        provider: 'openai',
        promptTokens: 100,
        completionTokens: 50,
        cachedTokens: 0,
        cost: { micros: '2000000', usd: '2.000000' },
        uncollected: { micros: '0', usd: '0.000000' },
        estimated: false,
        status: 'client_closed',
        httpStatus: null,
        errorCode: null,
        latencyMs: 800,
        ttftMs: 120,
        createdAt: '2026-01-12T12:00:00.000Z',
      });

      const query = (filters: string) => session.api('get', `${BILLING_ROUTES.usage}?${filters}`).expect(200);
      expect((await query('model=openai/gpt-4o')).body.total).toBe(2);
      expect((await query('status=client_closed')).body.data.map((row: { requestId: string }) => row.requestId)).toEqual([ids.c]);
      expect(
        (await query('from=2026-01-11T00:00:00Z&to=2026-01-13T00:00:00Z')).body.data.map((row: { requestId: string }) => row.requestId),
      ).toEqual([ids.c, ids.b]);
      expect((await query(`keyId=${session.keyId}&pageSize=3&page=2`)).body).toMatchObject({ total: 4, data: [{ requestId: ids.a }] });

      const one = await session.api('get', BILLING_ROUTES.usageByRequest(ids.b)).expect(200);
      expect(one.body).toMatchObject({ requestId: ids.b, cost: { micros: '250000' } });
      const stranger = await TestSession.create(testApp);
      await stranger.api('get', BILLING_ROUTES.usageByRequest(ids.b)).expect(404);
      expect((await stranger.api('get', BILLING_ROUTES.usage).expect(200)).body.total).toBe(0);

      const totals = await session.api('get', `${BILLING_ROUTES.usageByModel}?from=2026-01-01T00:00:00Z`).expect(200);
      expect(totals.body).toEqual({
        data: [
          {
            model: 'openai/gpt-4o',
            requests: 2,
            promptTokens: 200,
            completionTokens: 100,
            cachedTokens: 0,
            cost: { micros: '3000000', usd: '3.000000' },
          },
          {
            model: 'openai/gpt-4o-mini',
            requests: 1,
            promptTokens: 100,
            completionTokens: 50,
            cachedTokens: 0,
            cost: { micros: '250000', usd: '0.250000' },
          },
          {
            model: 'anthropic/claude-3-5-haiku',
            requests: 1,
            promptTokens: 100,
            completionTokens: 50,
            cachedTokens: 0,
            cost: { micros: '125000', usd: '0.125000' },
          },
        ],
        total: { micros: '3375000', usd: '3.375000' },
      });

      const csv = await session.api('get', `${BILLING_ROUTES.usageCsv}?model=openai/gpt-4o`).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="apilink-usage-\d{4}-\d{2}-\d{2}\.csv"$/);
      const lines = csv.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'created_at,request_id,key_id,model,provider,status,prompt_tokens,completion_tokens,cached_tokens,cost_usd,cost_micros,uncollected_micros,estimated,latency_ms,ttft_ms,http_status,error_code',
      );
      expect(lines.slice(1)).toEqual([
        `2026-01-12T12:00:00.000Z,${ids.c},${session.keyId},openai/gpt-4o,openai,client_closed,100,50,0,2.000000,2000000,0,false,800,120,,`,
        `2026-01-10T12:00:00.000Z,${ids.a},${session.keyId},openai/gpt-4o,openai,success,100,50,0,1.000000,1000000,0,false,800,120,,`,
      ]);
      expect((await session.api('get', `${BILLING_ROUTES.usage}?status=bogus`).expect(400)).body.error.param).toBe('status');
      expect((await session.api('get', `${BILLING_ROUTES.usage}?keyId=not-a-uuid`).expect(400)).body.error.param).toBe('keyId');
      expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
    });

    it('totals usage per calendar day in the caller’s time zone, with the usual filters', async () => {
      const session = await TestSession.create(testApp, { credits: 50n * USD });
      const db = testApp.app.get(DataSource);
      const at = async (requestId: string, createdAt: string) =>
        db.query(`UPDATE usage_records SET created_at = $2 WHERE request_id = $1`, [requestId, createdAt]);
      // 23:30 UTC on the 10th is already the 11th in Berlin (UTC+1 in January).
      await at(await spend(session, 1_000_000n, { model: 'openai/gpt-4o' }), '2026-01-10T10:00:00Z');
      await at(await spend(session, 200_000n, { model: 'openai/gpt-4o-mini' }), '2026-01-10T23:30:00Z');
      await at(await spend(session, 30_000n, { model: 'openai/gpt-4o' }), '2026-01-12T08:00:00Z');
      const day = (date: string, requests: number, micros: string, usd: string) => ({
        day: date,
        requests,
        promptTokens: 100 * requests,
        completionTokens: 50 * requests,
        cachedTokens: 0,
        cost: { micros, usd },
      });

      const utc = await session.api('get', BILLING_ROUTES.usageDaily).expect(200);
      expect(utc.body).toEqual({
        data: [day('2026-01-10', 2, '1200000', '1.200000'), day('2026-01-12', 1, '30000', '0.030000')],
        total: { micros: '1230000', usd: '1.230000' },
        timeZone: 'UTC',
      });
      const berlin = await session.api('get', `${BILLING_ROUTES.usageDaily}?timeZone=Europe/Berlin`).expect(200);
      expect(berlin.body.data).toEqual([
        day('2026-01-10', 1, '1000000', '1.000000'),
        day('2026-01-11', 1, '200000', '0.200000'),
        day('2026-01-12', 1, '30000', '0.030000'),
      ]);
      const filtered = await session
        .api('get', `${BILLING_ROUTES.usageDaily}?model=openai/gpt-4o&from=2026-01-11T00:00:00Z&timeZone=Europe/Berlin`)
        .expect(200);
      expect(filtered.body.data).toEqual([day('2026-01-12', 1, '30000', '0.030000')]);

      const stranger = await TestSession.create(testApp);
      expect((await stranger.api('get', BILLING_ROUTES.usageDaily).expect(200)).body).toEqual({
        data: [],
        total: { micros: '0', usd: '0.000000' },
        timeZone: 'UTC',
      });
      const bad = await session.api('get', `${BILLING_ROUTES.usageDaily}?timeZone=Mars/Olympus_Mons`).expect(400);
      expect(bad.body.error).toMatchObject({ param: 'timeZone', message: expect.stringContaining('IANA time zone') });
    });

    it('exports more rows than one CSV batch without skipping or repeating any', async () => {
      const session = await TestSession.create(testApp, { credits: 100n * USD });
      const db = testApp.app.get(DataSource);
      // 1,500 real requests (so the books still balance), then one shared microsecond timestamp
      // for all of them, which makes every batch boundary a tie the keyset must break by id.
      for (let batch = 0; batch < 15; batch++) {
        await Promise.all(Array.from({ length: 100 }, () => spend(session, 1_000n)));
      }
      await db.query(`UPDATE usage_records SET created_at = '2026-02-01T00:00:00.123456Z' WHERE user_id = $1`, [session.user.id]);
      const csv = await session.api('get', BILLING_ROUTES.usageCsv).expect(200);
      const ids = csv.text
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[1]);
      expect(ids).toHaveLength(1500);
      expect(new Set(ids).size).toBe(1500);
      expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
    });

    it('keeps billing details per customer, trims blanks to null and validates the country', async () => {
      const session = await TestSession.create(testApp);
      const empty = await session.api('get', BILLING_ROUTES.details).expect(200);
      expect(Object.values(empty.body).every((value) => value === null)).toBe(true);
      const saved = await session
        .api('put', BILLING_ROUTES.details)
        .send({
          name: ' Ada Lovelace ',
          company: 'Analytical Ltd',
          addressLine1: '12 Engine St',
          city: 'London',
          postalCode: 'N1',
          country: 'gb',
          vatId: 'GB123456789',
          region: '  ',
        })
        .expect(200);
      expect(saved.body).toEqual({
        name: 'Ada Lovelace',
        company: 'Analytical Ltd',
        addressLine1: '12 Engine St',
        addressLine2: null,
        city: 'London',
        postalCode: 'N1',
        region: null,
        country: 'GB',
        vatId: 'GB123456789',
      });
      expect((await session.api('get', BILLING_ROUTES.details).expect(200)).body).toEqual(saved.body);
      expect((await session.api('put', BILLING_ROUTES.details).send({ country: 'Germany' }).expect(400)).body.error.param).toBe('country');
      expect(
        (
          await session
            .api('put', BILLING_ROUTES.details)
            .send({ vatId: 'x'.repeat(201) })
            .expect(400)
        ).body.error.param,
      ).toBe('vatId');
      const other = await TestSession.create(testApp);
      expect((await other.api('get', BILLING_ROUTES.details).expect(200)).body.name).toBeNull();
      // State-changing dashboard requests need the CSRF header.
      await testApp.http().put(BILLING_ROUTES.details).set('Cookie', session.cookie).send({ name: 'x' }).expect(403);
    });
  });
});
