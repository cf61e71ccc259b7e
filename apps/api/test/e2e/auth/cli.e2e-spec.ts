import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { runCli, type CliResult } from '../../support/run-cli';
import { redisEnv, startTestApp, type TestApp } from '../../support/test-app';
import { AuthProbeModule } from './probe.module';
import { settleJobs } from './settle-jobs';

describe('operator CLI (npm run cli)', () => {
  let testApp: TestApp;
  let env: Record<string, string>;
  const email = `cli-${randomUUID()}@test.apilink.dev`;

  // Exactly what an operator types, against the e2e database and the running app's Redis.
  const cli = (...args: string[]): Promise<CliResult> => runCli(env, ...args);

  beforeAll(async () => {
    env = { ...redisEnv(), DATABASE_URL: process.env.E2E_DATABASE_URL!, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
    testApp = await startTestApp({ env, extraImports: [AuthProbeModule] });
  });
  afterAll(async () => {
    await settleJobs(testApp);
    await testApp?.close();
  });

  it('creates a user, a key the running app accepts, lists it, revokes it everywhere and disables the user', async () => {
    const created = await cli('users:create', '--email', email, '--password', 'operator password 1', '--role', 'support', '--json');
    expect(created).toMatchObject({ code: 0 });
    // The operator chose this password: the account is not limited to a password change at first sign-in.
    expect(JSON.parse(created.stdout)).toEqual({
      id: expect.any(String),
      email,
      role: 'support',
      createdAt: expect.any(String),
      passwordChangeRequired: false,
    });
    const audit = await testApp.app
      .get(DataSource)
      .query(`SELECT actor_type, actor_label, action, target_type, after FROM audit_log WHERE target_id = $1`, [
        JSON.parse(created.stdout).id,
      ]);
    expect(audit).toEqual([
      { actor_type: 'system', actor_label: 'cli', action: 'user.created', target_type: 'user', after: { email, role: 'support' } },
    ]);

    const key = await cli('keys:create', '--email', email.toUpperCase(), '--name', 'ci', '--rpm', '500', '--json');
    expect(key.code).toBe(0);
    const { key: summary, secret } = JSON.parse(key.stdout);
    expect(secret).toMatch(/^al-[0-9A-Za-z]{40}$/);
    expect(summary).toMatchObject({ name: 'ci', rpmLimit: 500, status: 'active' });
    const whoami = await testApp.http().get('/v1/test-whoami').set('Authorization', `Bearer ${secret}`).expect(200);
    expect(whoami.body).toMatchObject({ keyId: summary.id, rpmLimit: 500 });

    const listed = await cli('keys:list', '--email', email, '--json');
    // The app's last-used stamp may already have been flushed (any instance, the CLI included, runs queued jobs).
    const [listedKey] = JSON.parse(listed.stdout);
    expect(listedKey).toEqual({ ...summary, lastUsedAt: listedKey.lastUsedAt });
    if (listedKey.lastUsedAt !== null) expect(Date.parse(listedKey.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(summary.createdAt));
    expect(listed.stdout).not.toContain(secret);

    const revoked = await cli('keys:revoke', '--id', summary.id);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Revoked key "ci" (id ${summary.id})`);
    // The CLI's revoke reaches the running instance's cache through Redis.
    const refused = await testApp.http().get('/v1/test-whoami').set('Authorization', `Bearer ${secret}`).expect(401);
    expect(refused.body.error.message).toMatch(/revoked/);

    const disabled = await cli('users:disable', '--email', email, '--json');
    expect(JSON.parse(disabled.stdout)).toMatchObject({ email, disabledAt: expect.any(String) });
  }, 120_000);

  it('prints the key once in human form; fails with one line and exit code 1 on a failed command, 2 on bad options', async () => {
    const human = await cli('keys:create', '--email', email, '--name', 'human');
    expect(human.stdout).toMatch(/^Created key "human" \(id [0-9a-f-]{36}\)\nSecret \(shown once, store it now\): al-[0-9A-Za-z]{40}\n$/);

    const unknown = await cli('keys:list', '--email', `nobody-${randomUUID()}@test.apilink.dev`, '--json');
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).error.message).toMatch(/^No user with email/);
    expect(unknown.stderr).toMatch(/^Error: No user with email/);

    const duplicate = await cli('users:create', '--email', email, '--password', 'operator password 1');
    expect(duplicate).toMatchObject({ code: 1, stderr: expect.stringContaining('already exists') });

    const badRole = await cli(
      'users:create',
      '--email',
      `x-${randomUUID()}@test.apilink.dev`,
      '--password',
      'operator password 1',
      '--role',
      'root',
    );
    expect(badRole).toMatchObject({ code: 2, stderr: 'Error: --role must be one of customer, support, admin\n' });

    const badRpm = await cli('keys:create', '--email', email, '--name', 'x', '--rpm', '100000000', '--json');
    expect(badRpm.code).toBe(2);
    expect(JSON.parse(badRpm.stdout)).toEqual({ error: { message: '--rpm must be a whole number from 1 to 1000000' } });
    expect(badRpm.stderr).toBe('Error: --rpm must be a whole number from 1 to 1000000\n');

    const missing = await cli('keys:create', '--email', email);
    expect(missing).toMatchObject({ code: 2, stdout: '', stderr: "error: required option '--name <name>' not specified\n" });
  }, 120_000);
});
