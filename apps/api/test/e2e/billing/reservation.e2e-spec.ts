import { DataSource } from 'typeorm';
import { BalanceService } from '../../../src/modules/billing/ledger/balance.service';
import { HoldReaperService } from '../../../src/modules/billing/holds/hold-reaper.service';
import { UsageQueryService } from '../../../src/modules/billing/usage/usage-query.service';
import { KeysService } from '../../../src/modules/keys/keys.service';
import { billingInvariantViolations } from '../../support/billing-invariants';
import { eventually } from '../../support/eventually';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { billingOf, rejectionOf, reserveRequest, usage, USD } from './billing-test-kit';
import { TcpProxy, throughProxy } from './tcp-proxy';

/** The reservation service straight against PostgreSQL, with real concurrency over two app instances. */
describe('reserve, then settle', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp();
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  const balanceOf = (session: TestSession, app = a) => app.app.get(BalanceService).balance(session.user.id);

  it('commits the hold before returning, then captures the actual cost and releases the rest', async () => {
    const session = await TestSession.create(a, { credits: 10n * USD });
    const hold = await billingOf(a).reserve(reserveRequest(session, 2n * USD));

    // Another instance (another connection pool) already sees the funds held.
    expect(await balanceOf(session, b)).toMatchObject({ balanceMicros: 10n * USD, heldMicros: 2n * USD, availableMicros: 8n * USD });

    const settlement = await billingOf(a).capture(
      hold,
      usage(1_234_567n, { promptTokens: 1000, completionTokens: 200, cachedTokens: 300, ttftMs: 95 }),
    );
    expect(settlement).toEqual({ settled: true, chargedMicros: 1_234_567n, uncollectedMicros: 0n });
    expect(await balanceOf(session)).toEqual({
      balanceMicros: 8_765_433n,
      heldMicros: 0n,
      availableMicros: 8_765_433n,
      totalCreditsMicros: 10n * USD,
      totalUsageMicros: 1_234_567n,
    });
    const row = await a.app.get(UsageQueryService).byRequestId(session.user.id, hold.requestId);
    expect(row).toMatchObject({
      keyId: session.keyId,
      model: 'test/model',
      provider: 'openai',
      promptTokens: 1000,
      completionTokens: 200,
      cachedTokens: 300,
      costMicros: 1_234_567n,
      uncollectedMicros: 0n,
      holdMicros: 2n * USD,
      estimated: false,
      status: 'success',
      latencyMs: 800,
      ttftMs: 95,
    });
    expect(row!.createdAt.getTime()).toBe(hold.createdAt.getTime());
    const entries = await a.app
      .get(DataSource)
      .query('SELECT kind, balance_delta_micros, held_delta_micros FROM credit_ledger_entries WHERE request_id = $1 ORDER BY id', [
        hold.requestId,
      ]);
    expect(entries).toEqual([
      { kind: 'hold', balance_delta_micros: '0', held_delta_micros: '2000000' },
      { kind: 'capture', balance_delta_micros: '-1234567', held_delta_micros: '-2000000' },
    ]);
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it('settles once per request id: repeated or concurrent captures and releases change nothing', async () => {
    const session = await TestSession.create(a, { credits: 5n * USD });
    const hold = await billingOf(a).reserve(reserveRequest(session, USD));
    const results = await Promise.all([
      billingOf(a).capture(hold, usage(700_000n)),
      billingOf(b).capture(hold, usage(700_000n)),
      billingOf(b).release(hold, { status: 'upstream_error', provider: null, latencyMs: 5, ttftMs: null }),
      billingOf(a).capture(hold, usage(999_999n)),
    ]);
    expect(results.filter((result) => result.settled)).toHaveLength(1);
    const winner = results.find((result) => result.settled)!;
    // Every caller learns what the request was finally charged.
    for (const result of results) expect(result.chargedMicros).toBe(winner.chargedMicros);
    expect(await balanceOf(session)).toMatchObject({ balanceMicros: 5n * USD - winner.chargedMicros, heldMicros: 0n });
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it('refuses a hold above the available balance with 402 insufficient_quota and writes nothing', async () => {
    const session = await TestSession.create(a, { credits: USD });
    const request = reserveRequest(session, USD + 1n);
    const error = await rejectionOf(billingOf(a).reserve(request));
    expect(error).toMatchObject({ status: 402, type: 'insufficient_quota', code: 'insufficient_quota' });
    expect(error.message).toMatch(/^Insufficient balance\. Recharge at http:\/\/\S+\/credits$/);
    const db = a.app.get(DataSource);
    expect(await db.query('SELECT 1 FROM credit_holds WHERE request_id = $1', [request.requestId])).toEqual([]);
    expect(await db.query(`SELECT 1 FROM credit_ledger_entries WHERE request_id = $1`, [request.requestId])).toEqual([]);
    expect(await balanceOf(session)).toMatchObject({ balanceMicros: USD, heldMicros: 0n });
    // Exactly the available balance is still admitted.
    await billingOf(a).reserve(reserveRequest(session, USD));
    expect(await balanceOf(session)).toMatchObject({ availableMicros: 0n });
  });

  it('holds a request id once: a repeat, alone or in the same batch, is a 409 that holds nothing more', async () => {
    const session = await TestSession.create(a, { credits: 10n * USD });
    const request = reserveRequest(session, USD);
    const [first, ...repeats] = await Promise.allSettled([0, 1, 2].map(() => billingOf(a).reserve(request)));
    expect(first.status).toBe('fulfilled');
    for (const repeat of repeats) expect(repeat).toMatchObject({ status: 'rejected', reason: { status: 409 } });
    expect(await rejectionOf(billingOf(b).reserve(request))).toMatchObject({ status: 409 });
    expect(await balanceOf(session)).toMatchObject({ heldMicros: USD });
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it('refuses a user who never had credits, unless the request costs nothing', async () => {
    const session = await TestSession.create(a);
    expect(await rejectionOf(billingOf(a).reserve(reserveRequest(session, 1n)))).toMatchObject({ status: 402 });
    const free = await billingOf(a).reserve(reserveRequest(session, 0n));
    expect(await billingOf(a).capture(free, usage(0n))).toEqual({ settled: true, chargedMicros: 0n, uncollectedMicros: 0n });
    expect(await balanceOf(session)).toMatchObject({ balanceMicros: 0n, heldMicros: 0n });
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it('charges above the hold while the balance allows, and writes off only what it cannot cover', async () => {
    const session = await TestSession.create(a, { credits: 5n * USD });
    const first = await billingOf(a).reserve(reserveRequest(session, USD));
    const second = await billingOf(b).reserve(reserveRequest(session, USD));

    // 3.5 > the 1.0 hold, but 3.0 more is available besides both holds: charged in full.
    expect(await billingOf(a).capture(first, usage(3_500_000n))).toEqual({
      settled: true,
      chargedMicros: 3_500_000n,
      uncollectedMicros: 0n,
    });
    expect(await balanceOf(session)).toMatchObject({ balanceMicros: 1_500_000n, heldMicros: USD, availableMicros: 500_000n });

    // 4.0 against a 1.0 hold with 0.5 available: 1.5 charged, 2.5 written off, available stays at 0.
    expect(await billingOf(b).capture(second, usage(4n * USD))).toEqual({
      settled: true,
      chargedMicros: 1_500_000n,
      uncollectedMicros: 2_500_000n,
    });
    expect(await balanceOf(session)).toMatchObject({ balanceMicros: 0n, heldMicros: 0n, availableMicros: 0n, totalUsageMicros: 5n * USD });
    const row = await a.app.get(UsageQueryService).byRequestId(session.user.id, second.requestId);
    expect(row).toMatchObject({ costMicros: 1_500_000n, uncollectedMicros: 2_500_000n });
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it('enforces the key spend cap in the same reservation and again at capture', async () => {
    const cap = 3n * USD;
    const session = await TestSession.create(a, { credits: 100n * USD, spendCapMicros: cap });
    const withCap = (amount: bigint) => reserveRequest(session, amount, { spendCapMicros: cap });

    const first = await billingOf(a).reserve(withCap(2n * USD));
    const overCap = await rejectionOf(billingOf(b).reserve(withCap(1_500_000n)));
    expect(overCap).toMatchObject({ status: 402, type: 'insufficient_quota', code: 'spend_cap_reached' });

    expect(await billingOf(a).capture(first, usage(2_500_000n))).toMatchObject({ chargedMicros: 2_500_000n });
    expect(await rejectionOf(billingOf(a).reserve(withCap(500_001n)))).toMatchObject({ code: 'spend_cap_reached' });
    const last = await billingOf(a).reserve(withCap(500_000n));
    // Capture above the hold stops at the cap: 0.5 hold + 0 left under the cap.
    expect(await billingOf(b).capture(last, usage(900_000n))).toEqual({
      settled: true,
      chargedMicros: 500_000n,
      uncollectedMicros: 400_000n,
    });
    const [spend] = await a.app
      .get(DataSource)
      .query('SELECT spent_micros, held_micros FROM api_key_spend WHERE key_id = $1', [session.keyId]);
    expect(spend).toEqual({ spent_micros: cap.toString(), held_micros: '0' });
    // The account itself still has credits: only this key is capped.
    expect(await balanceOf(session)).toMatchObject({ balanceMicros: 97n * USD });
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it('releases a request that failed before its first token: nothing charged, a usage row with its status', async () => {
    const session = await TestSession.create(a, { credits: 2n * USD });
    const hold = await billingOf(a).reserve(reserveRequest(session, 1_500_000n));
    const result = await billingOf(a).release(hold, { status: 'upstream_error', provider: 'anthropic', latencyMs: 321, ttftMs: null });
    expect(result).toEqual({ settled: true, chargedMicros: 0n, uncollectedMicros: 0n });
    expect(await balanceOf(session)).toMatchObject({ balanceMicros: 2n * USD, heldMicros: 0n, totalUsageMicros: 0n });
    expect(await a.app.get(UsageQueryService).byRequestId(session.user.id, hold.requestId)).toMatchObject({
      status: 'upstream_error',
      provider: 'anthropic',
      costMicros: 0n,
      promptTokens: 0,
      completionTokens: 0,
      latencyMs: 321,
      ttftMs: null,
    });
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it('admits exactly 3 of 100 simultaneous holds when the balance covers exactly 3, across two instances', async () => {
    const session = await TestSession.create(a, { credits: 3n * 700_000n });
    const attempts = Array.from({ length: 100 }, (_, i) =>
      billingOf(i % 2 === 0 ? a : b)
        .reserve(reserveRequest(session, 700_000n))
        .then(
          (hold) => ({ hold }),
          (error: { status?: number }) => ({ status: error.status }),
        ),
    );
    const outcomes = await Promise.all(attempts);
    const admitted = outcomes.flatMap((outcome) => ('hold' in outcome ? [outcome.hold] : []));
    expect(admitted).toHaveLength(3);
    expect(outcomes.filter((outcome) => 'status' in outcome && outcome.status === 402)).toHaveLength(97);
    expect(await balanceOf(session)).toMatchObject({ heldMicros: 2_100_000n, availableMicros: 0n });
    await Promise.all(admitted.map((hold) => billingOf(b).capture(hold, usage(700_000n))));
    expect(await balanceOf(session)).toMatchObject({ balanceMicros: 0n, heldMicros: 0n, totalUsageMicros: 2_100_000n });
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it('never overdraws with 200 concurrent requests funded for about 50, split over two instances', async () => {
    const funded = 50n * USD;
    const session = await TestSession.create(a, { credits: funded });
    // Each request holds 1 USD and costs 0.4-1.2 USD: some finish above their hold.
    const costs = Array.from({ length: 200 }, (_, i) => 400_000n + BigInt((i * 7919) % 800_001));
    type Outcome = { rejected: number | undefined } | { requestId: string; charged: bigint };
    const outcomes = await Promise.all(
      costs.map(async (cost, i): Promise<Outcome> => {
        const billing = billingOf(i % 2 === 0 ? a : b);
        let hold;
        try {
          hold = await billing.reserve(reserveRequest(session, USD));
        } catch (error) {
          return { rejected: (error as { status?: number }).status };
        }
        await new Promise((resolve) => setTimeout(resolve, (i * 13) % 40));
        const settlement = await billing.capture(hold, usage(cost));
        return { requestId: hold.requestId, charged: settlement.chargedMicros };
      }),
    );
    const settled = outcomes.flatMap((outcome) => ('requestId' in outcome ? [outcome] : []));
    const rejected = outcomes.filter((outcome) => 'rejected' in outcome && outcome.rejected === 402);
    expect(settled.length + rejected.length).toBe(200);
    expect(settled.length).toBeGreaterThanOrEqual(50);
    expect(rejected.length).toBeGreaterThan(0);

    const balance = await balanceOf(session);
    const charged = settled.reduce((sum, outcome) => sum + outcome.charged, 0n);
    expect(balance.heldMicros).toBe(0n);
    expect(balance.balanceMicros).toBeGreaterThanOrEqual(0n);
    expect(balance.balanceMicros).toBe(funded - charged);
    // Each usage row's cost is exactly what its capture returned.
    const rows: { request_id: string; cost_micros: string }[] = await a.app
      .get(DataSource)
      .query('SELECT request_id, cost_micros FROM usage_records WHERE user_id = $1', [session.user.id]);
    expect(new Map(rows.map((row) => [row.request_id, BigInt(row.cost_micros)]))).toEqual(
      new Map(settled.map((outcome) => [outcome.requestId, outcome.charged])),
    );
    // I1-I5 include "no ledger entry ever left the available balance below zero".
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it('batches the holds and captures of many customers on two instances without a deadlock or a lost cent', async () => {
    // Batches lock account rows in one order on every instance; a wrong order would surface here
    // as a deadlock (40P01) that fails a whole batch with 503s.
    const customers = await Promise.all(Array.from({ length: 6 }, () => TestSession.create(a, { credits: 10n * USD })));
    const requests = Array.from({ length: 240 }, (_, i) => ({ session: customers[(i * 5) % customers.length], cost: 1_000n + BigInt(i) }));
    const charged = await Promise.all(
      requests.map(async ({ session, cost }, i) => {
        const billing = billingOf(i % 2 === 0 ? a : b);
        const hold = await billing.reserve(reserveRequest(session, 10_000n));
        await new Promise((resolve) => setTimeout(resolve, i % 7));
        return (await billing.capture(hold, usage(cost))).chargedMicros;
      }),
    );
    expect(charged).toEqual(requests.map(({ cost }) => cost));
    for (const session of customers) {
      const spent = requests.filter((request) => request.session === session).reduce((sum, request) => sum + request.cost, 0n);
      expect(await balanceOf(session)).toMatchObject({ balanceMicros: 10n * USD - spent, heldMicros: 0n, totalUsageMicros: spent });
    }
    expect(await billingInvariantViolations({ userIds: customers.map((session) => session.user.id) })).toEqual([]);
  });

  it('keeps every key and account total exact when one batch walks several keys of one account', async () => {
    // Batches walk their items in (account, key) order (billing_walk_to): leaving a key writes its
    // totals, leaving an account writes the account's. Interleaved keys of one account exercise both.
    const [first, second] = await Promise.all([1, 2].map(() => TestSession.create(a, { credits: 10n * USD })));
    const created = await a.app
      .get(KeysService)
      .create(first.user.id, { name: 'second key', rpmLimit: null, expiresAt: null, spendCapMicros: null }, { operator: true });
    const keys = [
      { session: first, keyId: first.keyId, cost: 1_000n },
      { session: first, keyId: created.key.id, cost: 2_000n },
      { session: second, keyId: second.keyId, cost: 4_000n },
    ];
    const plan = Array.from({ length: 30 }, (_, i) => keys[(i * 2) % keys.length]);
    const keyTotals = async (keyId: string) =>
      (await a.app.get(DataSource).query('SELECT spent_micros::text, held_micros::text FROM api_key_spend WHERE key_id = $1', [keyId]))[0];

    const holds = await Promise.all(plan.map(({ session, keyId }) => billingOf(a).reserve(reserveRequest(session, 10_000n, { keyId }))));
    for (const key of keys) {
      expect(await keyTotals(key.keyId)).toEqual({ spent_micros: '0', held_micros: String(10_000 * 10) });
    }
    expect(await balanceOf(first)).toMatchObject({ heldMicros: 20n * 10_000n });

    await Promise.all(holds.map((hold, i) => billingOf(a).capture(hold, usage(plan[i].cost))));
    for (const key of keys) {
      expect(await keyTotals(key.keyId)).toEqual({ spent_micros: String(key.cost * 10n), held_micros: '0' });
    }
    expect(await balanceOf(first)).toMatchObject({ balanceMicros: 10n * USD - 30_000n, heldMicros: 0n, totalUsageMicros: 30_000n });
    expect(await balanceOf(second)).toMatchObject({ balanceMicros: 10n * USD - 40_000n, heldMicros: 0n, totalUsageMicros: 40_000n });
    expect(await billingInvariantViolations({ userIds: [first.user.id, second.user.id] })).toEqual([]);
  });

  it('voids holds a crashed instance left open, at the next boot, charging nothing', async () => {
    const crashed = await startTestApp();
    const session = await TestSession.create(crashed, { credits: 10n * USD });
    const holds = await Promise.all([1, 2, 3].map(() => billingOf(crashed).reserve(reserveRequest(session, 2n * USD))));
    await crashed.close(); // it never settles them, as after kill -9
    // Let their deadline pass without waiting BILLING_HOLD_TTL_SECONDS in real time.
    await a.app
      .get(DataSource)
      .query(`UPDATE credit_holds SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [session.user.id]);
    expect(await balanceOf(session)).toMatchObject({ heldMicros: 6n * USD });

    const restarted = await startTestApp(); // the reaper runs during boot
    try {
      expect(await balanceOf(session)).toMatchObject({ balanceMicros: 10n * USD, heldMicros: 0n, totalUsageMicros: 0n });
      for (const hold of holds) {
        expect(await restarted.app.get(UsageQueryService).byRequestId(session.user.id, hold.requestId)).toMatchObject({
          status: 'expired',
          costMicros: 0n,
        });
        // A late capture after the expiry changes nothing.
        expect(await billingOf(restarted).capture(hold, usage(USD))).toMatchObject({ settled: false, chargedMicros: 0n });
      }
      expect(await restarted.app.get(HoldReaperService).reapExpired()).toBe(0);
      expect(await billingInvariantViolations({ userIds: [session.user.id], reaperGraceSeconds: 0 })).toEqual([]);
    } finally {
      await restarted.close();
    }
  });

  it('voids a hold that commits after its request gave up with 503, as soon as it commits', async () => {
    const session = await TestSession.create(a, { credits: 10n * USD });
    const db = a.app.get(DataSource);
    // A slow commit: another transaction holds the account row, so the hold's batch waits past the 5 s reservation timeout.
    const blocker = db.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('SELECT 1 FROM credit_accounts WHERE user_id = $1 FOR UPDATE', [session.user.id]);
    const request = reserveRequest(session, 2n * USD);
    try {
      expect(await rejectionOf(billingOf(a).reserve(request))).toMatchObject({ status: 503, code: 'service_unavailable' });
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
    }

    // The batch goes on and commits the hold; it is voided at once, not when it expires in 300 s.
    const row = await eventually(async () => {
      const found = await a.app.get(UsageQueryService).byRequestId(session.user.id, request.requestId);
      expect(found).toMatchObject({ status: 'error', costMicros: 0n, holdMicros: 2n * USD, provider: null });
      return found;
    }, 5_000);
    expect(row).toBeTruthy();
    expect(await balanceOf(session)).toMatchObject({ balanceMicros: 10n * USD, heldMicros: 0n });
    expect(await db.query('SELECT status FROM credit_holds WHERE request_id = $1', [request.requestId])).toEqual([{ status: 'released' }]);
    // So the whole balance is available again: no wrong 402.
    const next = await billingOf(a).reserve(reserveRequest(session, 10n * USD));
    await billingOf(a).release(next, { status: 'error', provider: null, latencyMs: 1, ttftMs: null });
    // And by request id, once: settling the given-up request again changes nothing.
    const late = { ...next, requestId: request.requestId };
    expect(await billingOf(b).capture(late, usage(USD))).toMatchObject({ settled: false, chargedMicros: 0n });
    expect(await balanceOf(session)).toMatchObject({ balanceMicros: 10n * USD, heldMicros: 0n, totalUsageMicros: 0n });
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it('answers 503 while the database is unreachable, never admitting the request', async () => {
    const target = new URL(process.env.E2E_DATABASE_URL!);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.start();
    const fragile = await startTestApp({ env: { DATABASE_URL: throughProxy(process.env.E2E_DATABASE_URL!, port) } });
    try {
      const session = await TestSession.create(fragile, { credits: 5n * USD });
      proxy.cut();
      const request = reserveRequest(session, USD);
      const error = await rejectionOf(billingOf(fragile).reserve(request));
      expect(error).toMatchObject({ status: 503, code: 'service_unavailable' });
      expect(await a.app.get(DataSource).query('SELECT 1 FROM credit_holds WHERE request_id = $1', [request.requestId])).toEqual([]);

      proxy.restore();
      const hold = await billingOf(fragile).reserve(reserveRequest(session, USD));
      await billingOf(fragile).release(hold, { status: 'error', provider: null, latencyMs: 1, ttftMs: null });
      expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
    } finally {
      proxy.restore();
      await fragile.close();
      await proxy.stop();
    }
  });
});
