import { randomUUID } from 'node:crypto';
import { freePort } from '../../support/free-port';
import { runCli } from '../../support/run-cli';
import { startTestApp } from '../../support/test-app';
import { createDatabase, dropDatabase } from '../../support/test-database';

const NO_SCHEMA = 'The database has no schema: run `npm run db:migrate` or set DATABASE_MIGRATE_ON_START=true';

describe('operator CLI plumbing', () => {
  it('prints help with no database reachable at all', async () => {
    const nowhere = `postgres://postgres@127.0.0.1:${await freePort()}/apilink`;
    const env = { DATABASE_URL: nowhere, REDIS_URL: undefined, LOG_LEVEL: 'silent' };
    const [root, command] = await Promise.all([runCli(env, '--help'), runCli(env, 'users:create', '--help')]);
    expect(root).toMatchObject({ code: 0, stderr: '' });
    expect(root.stdout).toMatch(/^Usage: /);
    expect(root.stdout).toContain('users:create');
    expect(root.stdout).toContain('credits:grant');
    expect(command).toMatchObject({ code: 0, stderr: '' });
    expect(command.stdout).toContain('--role <role>');
  }, 60_000);

  it('keeps stdout clean JSON when the CLI logs warnings (Redis unreachable): log lines go to stderr', async () => {
    const env = { DATABASE_URL: process.env.E2E_DATABASE_URL!, REDIS_URL: `redis://127.0.0.1:${await freePort()}`, LOG_LEVEL: 'info' };
    const listed = await runCli(env, 'keys:list', '--email', `nobody-${randomUUID()}@test.apilink.dev`, '--json');
    expect(listed.code).toBe(1);
    expect(JSON.parse(listed.stdout)).toEqual({ error: { message: expect.stringMatching(/^No user with email/) } });
    expect(listed.stderr).toContain('Redis unavailable');
  }, 60_000);

  describe('against an external database nobody migrated', () => {
    const name = `apilink_unmigrated_${randomUUID().replaceAll('-', '')}`;
    let url: string;
    beforeAll(async () => {
      url = await createDatabase(name);
    });
    afterAll(() => dropDatabase(name));

    it('the CLI says how to create the schema instead of failing on a missing relation', async () => {
      const env = { DATABASE_URL: url, DATABASE_MIGRATE_ON_START: undefined, REDIS_URL: undefined, LOG_LEVEL: 'silent' };
      const listed = await runCli(env, 'keys:list', '--email', 'someone@test.apilink.dev');
      expect(listed.code).toBe(1);
      expect(listed.stderr.trim()).toBe(NO_SCHEMA);
      expect(listed.stdout).toBe('');
    }, 60_000);

    it('the server refuses to boot with the same message, at once (no retries), and boots once told to migrate', async () => {
      const startedAt = Date.now();
      await expect(startTestApp({ env: { DATABASE_URL: url, DATABASE_MIGRATE_ON_START: 'false' } })).rejects.toThrow(NO_SCHEMA);
      // TypeORM's default is 9 connection retries 3 s apart; a missing schema is not worth one.
      expect(Date.now() - startedAt).toBeLessThan(20_000);
      const migrated = await startTestApp({ env: { DATABASE_URL: url, DATABASE_MIGRATE_ON_START: 'true' } });
      await migrated.http().get('/readyz').expect(200);
      await migrated.close();
      const again = await startTestApp({ env: { DATABASE_URL: url, DATABASE_MIGRATE_ON_START: 'false' } });
      await again.close();
    }, 120_000);
  });
});
