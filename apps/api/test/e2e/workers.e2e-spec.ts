/**
 * WORKERS=N: N worker processes behind one port (node:cluster), sharing the database; SIGTERM to
 * the primary stops every worker gracefully, each returning its credit leases.
 */
import { startMockUpstream, type MockUpstream } from '@apilink/mock-upstream';
import { readdirSync, readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { startApiProcess } from '../support/api-process';
import { billingInvariantViolations } from '../support/billing-invariants';
import { freePort } from '../support/free-port';
import { startTestApp, type TestApp } from '../support/test-app';
import { TestSession } from '../support/test-session';

/** The processes the primary forked (Linux /proc), and one environment variable of each. */
function workerEnvValues(primaryPid: number, name: string): (string | undefined)[] {
  const children = readdirSync(`/proc/${primaryPid}/task`).flatMap((task) =>
    readFileSync(`/proc/${primaryPid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean),
  );
  return children.map((pid) =>
    readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .find((entry) => entry.startsWith(`${name}=`))
      ?.slice(name.length + 1),
  );
}

const BODY = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }], max_tokens: 100 };

describe('WORKERS=2', () => {
  let mock: MockUpstream;
  let home: TestApp;
  beforeAll(async () => {
    mock = await startMockUpstream({ protocol: 'openai', apiKey: 'sk-mock-workers', chunks: 2 });
    home = await startTestApp();
  });
  afterAll(async () => {
    await home?.close();
    await mock?.close();
  });

  it('serves from two worker processes on one port and stops them gracefully on SIGTERM', async () => {
    const session = await TestSession.create(home, { credits: 10_000_000n, rpm: 1_000_000 });
    const server = await startApiProcess(
      {
        OPENAI_API_KEY: mock.apiKey,
        OPENAI_BASE_URL: mock.url,
        PORT: String(await freePort()),
        DATABASE_URL: process.env.E2E_DATABASE_URL!,
        LOG_LEVEL: 'info',
        WORKERS: '2',
        BILLING_LEASE_IDLE_SECONDS: '60',
      },
      90_000,
    );
    try {
      const deadline = Date.now() + 60_000;
      while (!server.output().includes('2 workers listening')) {
        if (Date.now() > deadline) throw new Error(`the workers never all listened:\n${server.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const statuses = await Promise.all(
        Array.from({ length: 40 }, () =>
          fetch(`${server.url}/v1/chat/completions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${session.apiKey}`, 'content-type': 'application/json' },
            body: JSON.stringify(BODY),
          }).then(async (response) => {
            await response.text();
            return response.status;
          }),
        ),
      );
      expect(statuses).toEqual(Array(40).fill(200));
      // Two malloc arenas per worker (less RSS), set by the primary as it forks them.
      expect(workerEnvValues(server.child.pid!, 'MALLOC_ARENA_MAX')).toEqual(['2', '2']);
      await server.stop('SIGTERM');
      expect(server.output()).toContain('All workers stopped');
      const db = home.app.get(DataSource);
      const [{ open }] = await db.query(`SELECT count(*)::int AS open FROM credit_leases WHERE user_id = $1 AND status = 'open'`, [
        session.user.id,
      ]);
      expect(open).toBe(0);
      const [{ rows }] = await db.query('SELECT count(*)::int AS rows FROM usage_records WHERE user_id = $1', [session.user.id]);
      expect(rows).toBe(40);
      expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
    } finally {
      await server.stop('SIGKILL');
    }
  }, 150_000);
});
