/**
 * Credit leases on the real /v1 path (docs/billing-invariants.md, "Credit leases"), against the
 * real PostgreSQL and Redis: many requests over two instances, money parked in the other
 * instance's lease, and an instance stopped under load, gracefully and with kill -9. The low-balance
 * case (a balance for exactly 3 holds, 100 requests over two instances) is in gateway-money.
 */
import { randomUUID } from 'node:crypto';
import { startMockUpstream, type MockUpstream } from '@apilink/mock-upstream';
import { REQUEST_ID_HEADER } from '@apilink/contracts';
import OpenAI from 'openai';
import { DataSource } from 'typeorm';
import { HoldReaperService } from '../../../src/modules/billing/holds/hold-reaper.service';
import { LeaseBook } from '../../../src/modules/billing/leases/lease-book.service';
import { startApiProcess, type ApiProcess } from '../../support/api-process';
import { billingInvariantViolations } from '../../support/billing-invariants';
import { eventually } from '../../support/eventually';
import { freePort } from '../../support/free-port';
import { redisEnv, startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { accountOnceLeasesReturned, billingOf, errorStatus, openHolds, openLeases, reserveRequest } from './billing-test-kit';

const MODEL = 'openai/gpt-4o-mini';
const BODY = { model: MODEL, messages: [{ role: 'user' as const, content: 'Say something short.' }], max_tokens: 1000 };
const UNLIMITED_RPM = 1_000_000;

describe('credit leases', () => {
  let mock: MockUpstream;
  let providerEnv: Record<string, string>;
  let db: DataSource;
  let home: TestApp;
  beforeAll(async () => {
    mock = await startMockUpstream({ protocol: 'openai', apiKey: 'sk-mock-leases', chunks: 4 });
    providerEnv = { OPENAI_API_KEY: mock.apiKey, OPENAI_BASE_URL: mock.url };
    home = await startTestApp({ env: providerEnv });
    db = home.app.get(DataSource);
  });
  afterAll(async () => {
    await home?.close();
    await mock?.close();
  });
  beforeEach(() => {
    mock.reset();
    mock.clearFault();
  });

  const clientFor = (url: string, session: TestSession) =>
    new OpenAI({ apiKey: session.apiKey, baseURL: `${url}/v1`, maxRetries: 0, timeout: 30_000 });

  async function grantedTo(userId: string): Promise<bigint> {
    const [row] = await db.query(
      `SELECT COALESCE(SUM(balance_delta_micros), 0)::text AS total FROM credit_ledger_entries WHERE user_id = $1 AND kind = 'grant'`,
      [userId],
    );
    return BigInt(row.total);
  }

  async function chargedTo(userId: string): Promise<bigint> {
    const [row] = await db.query(`SELECT COALESCE(SUM(cost_micros), 0)::text AS total FROM usage_records WHERE user_id = $1`, [userId]);
    return BigInt(row.total);
  }

  async function leaseOf(app: TestApp, userId: string): Promise<{ id: string; amount_micros: string } | undefined> {
    const [row] = await db.query(
      `SELECT id, amount_micros::text FROM credit_leases WHERE user_id = $1 AND instance_id = $2 AND status = 'open' AND amount_micros > 0`,
      [userId, app.app.get(LeaseBook).instanceId],
    );
    return row;
  }

  describe('on two instances sharing Redis', () => {
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      // Idle leases go back after 3 s: long enough to outlast a slow wave on a loaded machine.
      const shared = { ...providerEnv, ...redisEnv(), BILLING_LEASE_IDLE_SECONDS: '3' };
      a = await startTestApp({ env: shared });
      b = await startTestApp({ env: shared });
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
    });

    it('serves 1,000 mixed requests of 3 accounts over 2 instances with aborts and upstream failures; the books reconcile to 0', async () => {
      const rich = [
        await TestSession.create(home, { credits: 20_000_000n, rpm: UNLIMITED_RPM }),
        await TestSession.create(home, { credits: 20_000_000n, rpm: UNLIMITED_RPM }),
      ];
      // About 10 requests' holds (each ~605 µ$): near the edge, holds per request and some 402s.
      const poor = await TestSession.create(home, { credits: 6_000n, rpm: UNLIMITED_RPM });
      const sessions = [...rich, poor];
      mock.setFault({ kind: 'slowChunks', ms: 5 });
      const outcomes: string[] = [];
      const send = async (i: number): Promise<string> => {
        const session = sessions[i % 3];
        const client = clientFor(i % 2 === 0 ? a.url : b.url, session);
        const stream = i % 4 < 2;
        try {
          if (!stream) {
            await client.chat.completions.create(BODY);
            return '200';
          }
          const abort = new AbortController();
          const chunks = await client.chat.completions.create({ ...BODY, stream: true }, { signal: abort.signal });
          for await (const _chunk of chunks) if (i % 10 === 7) abort.abort();
          return abort.signal.aborted ? 'aborted' : '200';
        } catch (error) {
          if (error instanceof Error && error.name === 'APIUserAbortError') return 'aborted';
          return String(errorStatus(error));
        }
      };
      for (let wave = 0; wave < 25; wave++) {
        // Upstream failures in the middle of the run: every upstream call of wave 12 fails.
        if (wave === 12) mock.setFault({ kind: 'status', status: 500, times: 40 });
        if (wave === 13) mock.setFault({ kind: 'slowChunks', ms: 5 });
        outcomes.push(...(await Promise.all(Array.from({ length: 40 }, (_, i) => send(wave * 40 + i)))));
      }
      const count = (status: string) => outcomes.filter((outcome) => outcome === status).length;
      expect(outcomes).toHaveLength(1_000);
      const histogram = Object.fromEntries([...new Set(outcomes)].map((status) => [status, count(status)]));
      // 503: every upstream failed (the one upstream, in the failing wave).
      expect(Object.keys(histogram).sort()).toEqual(['200', '402', '503', 'aborted']);
      expect(count('402')).toBeGreaterThan(0);

      const userIds = sessions.map((session) => session.user.id);
      let reconciliation = 0n;
      for (const userId of userIds) {
        const account = await accountOnceLeasesReturned(db, userId);
        expect(account.held_micros).toBe('0');
        reconciliation += (await grantedTo(userId)) - (await chargedTo(userId)) - BigInt(account.balance_micros);
      }
      expect(reconciliation).toBe(0n);
      // Leases carried requests of both rich accounts on both instances. (How many depends on how
      // fast PostgreSQL grants and tops them up on a loaded machine, so no count is asserted: a
      // request the lease cannot cover yet holds in PostgreSQL, which the books above check.)
      const carvedPairs = await db.query(
        `SELECT DISTINCT u.user_id::text AS "userId", l.instance_id AS "instanceId"
           FROM usage_records u JOIN credit_leases l ON l.id = u.lease_id
          WHERE u.user_id = ANY($1)`,
        [rich.map((session) => session.user.id)],
      );
      const instances = [a, b].map((app) => app.app.get(LeaseBook).instanceId);
      expect(carvedPairs).toEqual(
        expect.arrayContaining(rich.flatMap((session) => instances.map((instanceId) => ({ userId: session.user.id, instanceId })))),
      );
      expect(
        await billingInvariantViolations({ userIds, reaperGraceSeconds: 0, upstream: { requests: mock.requests.length, maxAttempts: 1 } }),
      ).toEqual([]);
    }, 180_000);
  });

  describe('money parked in the other instance', () => {
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      // Leases stay while idle for a minute: only a recall brings this one back in time.
      const shared = { ...providerEnv, ...redisEnv(), BILLING_LEASE_IDLE_SECONDS: '60' };
      a = await startTestApp({ env: shared });
      b = await startTestApp({ env: shared });
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
    });

    it("serves a request on B, not 402, while the only money left sits in A's lease", async () => {
      const session = await TestSession.create(home, { credits: 10_000_000n, rpm: UNLIMITED_RPM });
      const deadline = Date.now() + 10_000;
      let sentToA = 0;
      while (!(await leaseOf(a, session.user.id))) {
        if (Date.now() > deadline) throw new Error('instance A never took a lease');
        await clientFor(a.url, session).chat.completions.create(BODY);
        sentToA++;
      }
      const parked = await leaseOf(a, session.user.id);
      // A's requests settle after their responses. One that held in PostgreSQL and is not yet
      // captured would free its unused hold after the measurement below: B would then be served
      // from that, with no recall, and A's lease would stay open.
      await eventually(async () => {
        const [row] = await db.query('SELECT count(*)::int AS count FROM usage_records WHERE user_id = $1', [session.user.id]);
        expect(row.count).toBe(sentToA);
      }, 5_000);
      // Everything not in A's lease is held by one big request elsewhere.
      const [account] = await db.query('SELECT (balance_micros - held_micros)::text AS available FROM credit_accounts WHERE user_id = $1', [
        session.user.id,
      ]);
      const big = await billingOf(b).reserve(reserveRequest(session, BigInt(account.available)));
      mock.reset();

      const completion = await clientFor(b.url, session).chat.completions.create(BODY);
      expect(completion.choices[0].message.content).toBeTruthy();
      expect(mock.requests).toHaveLength(1);
      // A gives back at once what is not carved; if its last request's settlement was still in the
      // flush window, the lease itself closes on A's next tick, once that settlement commits.
      await eventually(async () => {
        const [returned] = await db.query('SELECT status FROM credit_leases WHERE id = $1', [parked!.id]);
        expect(returned.status).toBe('returned');
      }, 5_000);

      await billingOf(b).release(big, { status: 'error', provider: null, latencyMs: 1, ttftMs: null });
      await accountOnceLeasesReturned(db, session.user.id).catch(() => undefined);
      expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
    }, 60_000);
  });

  describe('an instance stopped under load', () => {
    /** Sends `total` requests, `concurrency` at a time, until the process stops answering. */
    async function load(server: ApiProcess, session: TestSession, total: number, onServed: (served: number) => void): Promise<string[]> {
      const served: string[] = [];
      let next = 0;
      const worker = async () => {
        while (next < total) {
          const i = next++;
          const stream = i % 3 === 0;
          try {
            const response = await fetch(`${server.url}/v1/chat/completions`, {
              method: 'POST',
              headers: { authorization: `Bearer ${session.apiKey}`, 'content-type': 'application/json' },
              body: JSON.stringify({ ...BODY, stream }),
            });
            const text = await response.text();
            if (response.status === 200 && (!stream || text.includes('[DONE]'))) {
              served.push(response.headers.get(REQUEST_ID_HEADER)!);
              onServed(served.length);
            }
          } catch {
            // The process went away mid-request.
          }
        }
      };
      await Promise.all(Array.from({ length: 16 }, worker));
      return served;
    }

    async function usageRowsOf(requestIds: string[]): Promise<number> {
      const [row] = await db.query('SELECT count(*)::int AS count FROM usage_records WHERE request_id = ANY($1)', [requestIds]);
      return row.count;
    }

    async function startServer(extra: Record<string, string>): Promise<ApiProcess> {
      return startApiProcess(
        { ...providerEnv, PORT: String(await freePort()), DATABASE_URL: process.env.E2E_DATABASE_URL!, LOG_LEVEL: 'silent', ...extra },
        60_000,
      );
    }

    it('returns every lease on SIGTERM, and every served request has its usage row', async () => {
      const session = await TestSession.create(home, { credits: 20_000_000n, rpm: UNLIMITED_RPM });
      const server = await startServer({ BILLING_LEASE_IDLE_SECONDS: '60' });
      let stopping: Promise<number | null> | null = null;
      try {
        mock.setFault({ kind: 'slowChunks', ms: 20 });
        const served = await load(server, session, 400, (count) => {
          if (count === 150) stopping ??= server.stop('SIGTERM');
        });
        // Nest re-raises SIGTERM once it has shut down, so the process ends by that signal.
        await stopping;
        expect(served.length).toBeGreaterThanOrEqual(150);
        expect(await openLeases(db, session.user.id)).toBe(0);
        expect(await usageRowsOf(served)).toBe(served.length);
        const [{ carved }] = await db.query(
          `SELECT count(*)::int AS carved FROM usage_records WHERE user_id = $1 AND lease_id IS NOT NULL`,
          [session.user.id],
        );
        expect(carved).toBeGreaterThan(0);
        expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
      } finally {
        await server.stop('SIGKILL');
      }
    }, 120_000);

    it('after a kill -9 under load and the lease expiry, available = grants − captured charges', async () => {
      const session = await TestSession.create(home, { credits: 20_000_000n, rpm: UNLIMITED_RPM });
      const server = await startServer({ BILLING_LEASE_TTL_SECONDS: '3', BILLING_HOLD_TTL_SECONDS: '10' });
      let killed: Promise<number | null> | null = null;
      try {
        mock.setFault({ kind: 'slowChunks', ms: 20 });
        const served = await load(server, session, 400, (count) => {
          if (count === 150) killed ??= server.stop('SIGKILL');
        });
        expect(await killed).toBeNull();
        const servedAtKill = served.length;
        // Lease and hold expiries pass; then the reaper of any instance returns what they held.
        const deadline = Date.now() + 30_000;
        while ((await openLeases(db, session.user.id)) > 0 || (await openHolds(db, session.user.id)) > 0) {
          if (Date.now() > deadline) throw new Error('leases or holds still open 30 s after the kill');
          await new Promise((resolve) => setTimeout(resolve, 500));
          await home.app.get(HoldReaperService).reapExpired();
        }
        const [account] = await db.query('SELECT balance_micros::text, held_micros::text FROM credit_accounts WHERE user_id = $1', [
          session.user.id,
        ]);
        expect(account.held_micros).toBe('0');
        expect(BigInt(account.balance_micros)).toBe((await grantedTo(session.user.id)) - (await chargedTo(session.user.id)));
        const uncaptured = servedAtKill - (await usageRowsOf(served));
        // Reported, not asserted to be 0: a kill -9 may lose the last flush window's captures.
        console.info(`kill -9 under load: ${servedAtKill} served, ${uncaptured} served but not captured (run ${randomUUID().slice(0, 8)})`);
        expect(uncaptured).toBeGreaterThanOrEqual(0);
        expect(await billingInvariantViolations({ userIds: [session.user.id], reaperGraceSeconds: 0 })).toEqual([]);
      } finally {
        await server.stop('SIGKILL');
      }
    }, 120_000);
  });
});
