import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { BalanceService } from '../../../src/modules/billing/ledger/balance.service';
import { billingInvariantViolations } from '../../support/billing-invariants';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { USD } from './billing-test-kit';

const OPEN_HOLDS_INDEX = 'IDX_credit_holds_open_expires_at';

/**
 * Runs `work` in a transaction that is rolled back, on a connection that receives the plan of
 * every statement, nested ones included (auto_explain), and returns the plans that read or write
 * credit_holds.
 */
async function holdPlansOf(work: (client: Client) => Promise<unknown>): Promise<string[]> {
  const client = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  const plans: string[] = [];
  client.on('notice', (notice) => {
    if (notice.message?.includes('credit_holds')) plans.push(notice.message);
  });
  try {
    await client.query("LOAD 'auto_explain'");
    await client.query('SET auto_explain.log_min_duration = 0');
    await client.query('SET auto_explain.log_nested_statements = on');
    await client.query('SET client_min_messages = log');
    await client.query('BEGIN');
    await work(client);
    await client.query('ROLLBACK');
  } finally {
    await client.end();
  }
  return plans;
}

/** Settlement must find a hold through its request id, however many holds are open. */
describe('settling a hold', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('finds the hold by request id, not by walking the open holds, even when statistics say far fewer are open than are', async () => {
    const session = await TestSession.create(app, { credits: 10n * USD });
    const requestId = `req_${randomUUID()}`;

    const plans = await holdPlansOf(async (client) => {
      // Statistics taken while few holds were open, then a backlog of open holds (an outage):
      // the open-holds index looks small to the planner but is not. Rolled back afterwards.
      const addHolds = (prefix: string, status: string) =>
        client.query(
          `INSERT INTO credit_holds (request_id, user_id, key_id, model, amount_micros, status, expires_at)
           SELECT $1 || n, $2, $3, 'test/model', 1000, $4, now() + interval '1 hour' FROM generate_series(1, 20000) AS n`,
          [prefix, session.user.id, session.keyId, status],
        );
      await addHolds('history-', 'captured');
      await client.query('ANALYZE credit_holds');
      await addHolds('backlog-', 'open');
      const hold = {
        request_id: requestId,
        user_id: session.user.id,
        key_id: session.keyId,
        spend_cap: null,
        amount: '1000',
        model: 'test/model',
      };
      await client.query('SELECT hold_id FROM billing_reserve_batch($1::jsonb, 300)', [JSON.stringify([hold])]);
      const item = {
        request_id: requestId,
        user_id: session.user.id,
        key_id: session.keyId,
        outcome: 'captured',
        actual_cost: '700',
        provider: 'openai',
        prompt_tokens: 10,
        completion_tokens: 5,
        cached_tokens: 0,
        estimated: false,
        status: 'success',
        latency_ms: 12,
        ttft_ms: null,
        attempts: null,
      };
      const { rows } = await client.query('SELECT settled, charged_micros::text AS charged FROM billing_settle_batch($1::jsonb)', [
        JSON.stringify([item]),
      ]);
      expect(rows).toEqual([{ settled: true, charged: '700' }]);
    });

    const lookups = plans.filter((plan) => /(FROM|UPDATE) credit_holds h/.test(plan));
    expect(lookups.length).toBeGreaterThan(0);
    for (const plan of lookups) expect(plan).not.toContain(OPEN_HOLDS_INDEX);
    expect(lookups.some((plan) => plan.includes('UQ_credit_holds_request_id'))).toBe(true);

    // All of it was rolled back: the customer's money is untouched.
    expect(await app.app.get(BalanceService).balance(session.user.id)).toMatchObject({ balanceMicros: 10n * USD, heldMicros: 0n });
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });
});
