import { CREDITS_PATH } from '@apilink/contracts';
import { DataSource } from 'typeorm';
import { billingInvariantViolations } from '../../support/billing-invariants';
import { runCli } from '../../support/run-cli';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';

/** `npm run cli -- credits:grant | credits:balance`, exactly as an operator runs them. */
describe('operator CLI: credits', () => {
  let testApp: TestApp;
  const env = { DATABASE_URL: process.env.E2E_DATABASE_URL!, NODE_ENV: 'test', LOG_LEVEL: 'silent', REDIS_URL: '' };

  const cli = (...args: string[]) => runCli(env, ...args);

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp?.close());

  it('grants credits with a ledger entry and an audit log entry; the running app sees them at once', async () => {
    const session = await TestSession.create(testApp);
    const granted = await cli(
      'credits:grant',
      '--email',
      session.email.toUpperCase(),
      '--amount-usd',
      '12.50',
      '--reason',
      'Launch promo',
      '--json',
    );
    expect(granted).toMatchObject({ code: 0 });
    expect(JSON.parse(granted.stdout)).toEqual({
      userId: session.user.id,
      email: session.email,
      amountMicros: '12500000',
      ledgerEntryId: expect.stringMatching(/^\d+$/),
      balanceMicros: '12500000',
    });
    const credits = await testApp.http().get(CREDITS_PATH).set(session.bearer()).expect(200);
    expect(credits.body.data).toMatchObject({ total_credits: 12.5, balance_micros: 12_500_000 });

    const db = testApp.app.get(DataSource);
    const [entry] = await db.query(`SELECT kind, balance_delta_micros, description, actor FROM credit_ledger_entries WHERE user_id = $1`, [
      session.user.id,
    ]);
    expect(entry).toEqual({ kind: 'grant', balance_delta_micros: '12500000', description: 'Launch promo', actor: 'cli' });
    const [audit] = await db.query(
      `SELECT actor_type, actor_label, action, target_type, before, after, reason FROM audit_log WHERE target_id = $1`,
      [session.user.id],
    );
    expect(audit).toEqual({
      actor_type: 'system',
      actor_label: 'cli',
      action: 'credits.grant',
      target_type: 'user',
      before: { balanceMicros: '0' },
      after: { balanceMicros: '12500000', ledgerEntryId: JSON.parse(granted.stdout).ledgerEntryId, amountMicros: '12500000' },
      reason: 'Launch promo',
    });

    const text = await cli('credits:grant', '--email', session.email, '--amount-usd', '0.000001', '--reason', 'one micro');
    expect(text.code).toBe(0);
    // People read cents; where the cents are not exact, the exact figure follows (--json has the micros).
    expect(text.stdout.trim()).toBe(
      `Granted <$0.01 (exactly $0.000001) to ${session.email} (ledger entry ${text.stdout.match(/ledger entry (\d+)/)![1]}); balance now $12.50 (exactly $12.500001)`,
    );

    const balance = await cli('credits:balance', '--email', session.email, '--json');
    expect(JSON.parse(balance.stdout)).toEqual({
      userId: session.user.id,
      email: session.email,
      balanceMicros: '12500001',
      heldMicros: '0',
      availableMicros: '12500001',
      totalCreditsMicros: '12500001',
      totalUsageMicros: '0',
    });
    const human = await cli('credits:balance', '--email', session.email);
    expect(human.stdout).toMatch(/^ {2}balance {8}\$12\.50 \(exactly \$12\.500001\)$/m);
    expect(human.stdout).toMatch(/^ {2}total usage {4}\$0\.00$/m);
    expect(human.stdout).not.toMatch(/\$\d+\.\d{6}(?!\))/);
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  }, 120_000);

  it('refuses bad amounts and a missing reason with exit code 2, unknown users with 1, and writes nothing', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    // Each CLI run boots its own process: run the refusals side by side.
    const refusals = await Promise.all(
      ['0', '-5', 'ten', '1.0000001'].map((amount) =>
        cli('credits:grant', '--email', session.email, '--amount-usd', amount, '--reason', 'x'),
      ),
    );
    for (const refused of refusals) {
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--amount-usd must be a positive amount in USD');
    }
    expect((await cli('credits:grant', '--email', session.email, '--amount-usd', '5', '--reason', '   ')).code).toBe(2);
    const unknown = await cli('credits:grant', '--email', 'nobody-here@test.apilink.dev', '--amount-usd', '5', '--reason', 'x', '--json');
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).error.message).toMatch(/not found|no user/i);
    const rows = await testApp.app.get(DataSource).query('SELECT 1 FROM credit_ledger_entries WHERE user_id = $1', [session.user.id]);
    expect(rows).toEqual([]);
  }, 120_000);

  it('demo:seed makes a funded customer whose printed password logs in and whose key gets an answer', async () => {
    const seeded = await cli('demo:seed', '--json');
    expect(seeded).toMatchObject({ code: 0, stderr: '' });
    const demo = JSON.parse(seeded.stdout);
    expect(demo).toEqual({
      email: expect.stringMatching(/^demo-[0-9a-f]{8}@example\.com$/),
      password: expect.any(String),
      balanceMicros: '5000000',
      apiKey: expect.stringMatching(/^al-/),
    });
    await testApp
      .http()
      .post('/api/auth/login')
      .set('x-apilink-csrf', '1')
      .send({ email: demo.email, password: demo.password })
      .expect(200);
    const answer = await testApp
      .http()
      .post('/v1/chat/completions')
      .set('Authorization', `Bearer ${demo.apiKey}`)
      .send({ model: 'apilink/echo', messages: [{ role: 'user', content: 'Hello' }] })
      .expect(200);
    expect(answer.body.choices[0].message.content).toBe('Echo: Hello');

    const human = await cli('demo:seed', '--amount-usd', '2.50');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /^Demo account demo-[0-9a-f]{8}@example\.com \(password \S+\) with \$2\.50 of credits\nAPI key \(shown once\): al-\S+\nTry: curl /,
    );
  }, 120_000);
});
