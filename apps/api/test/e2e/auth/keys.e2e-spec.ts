import { KEY_ROUTES, type ApiKeySummary } from '@apilink/contracts';
import { DataSource } from 'typeorm';
import { UsersService } from '../../../src/modules/auth/users.service';
import { KeyUsageRecorder } from '../../../src/modules/keys/key-usage.recorder';
import { JOB_QUEUE, type JobQueue } from '../../../src/infrastructure/queue/job-queue.tokens';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { AuthProbeModule } from './probe.module';

const WHOAMI = '/v1/test-whoami';

describe('API keys', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ env: { RATE_LIMIT_RPM: '1000' }, extraImports: [AuthProbeModule] });
  });
  afterAll(() => testApp.close());

  describe('lifecycle', () => {
    it('shows the secret once on creation, then only its display form', async () => {
      const session = await TestSession.create(testApp, { withKey: false });
      const created = await session
        .api('post', KEY_ROUTES.create)
        .send({ name: '  ci  ', rpmLimit: 30, spendCapMicros: '5000000', expiresAt: '2099-01-01T00:00:00Z' })
        .expect(201);
      const { key, secret } = created.body as { key: ApiKeySummary; secret: string };
      expect(secret).toMatch(/^al-[0-9A-Za-z]{40}$/);
      expect(key).toEqual({
        id: expect.any(String),
        name: 'ci',
        displayKey: `${secret.slice(0, 7)}...${secret.slice(-4)}`,
        status: 'active',
        rpmLimit: 30,
        spendCapMicros: '5000000',
        expiresAt: '2099-01-01T00:00:00.000Z',
        revokedAt: null,
        lastUsedAt: null,
        createdAt: expect.any(String),
      });
      const list = await session.api('get', KEY_ROUTES.list).expect(200);
      expect(list.body.data).toEqual([key]);
      expect(JSON.stringify(list.body)).not.toContain(secret.slice(7, -4));
      expect((await session.api('get', KEY_ROUTES.get(key.id)).expect(200)).body).toEqual(key);
      const [row] = await testApp.app.get(DataSource).query('SELECT key_hash FROM api_keys WHERE id = $1', [key.id]);
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('renames and changes limits of one key without touching the others', async () => {
      const session = await TestSession.create(testApp, { withKey: false });
      const first = (await session.api('post', KEY_ROUTES.create).send({ name: 'one' }).expect(201)).body.key as ApiKeySummary;
      const second = (await session.api('post', KEY_ROUTES.create).send({ name: 'two', rpmLimit: 5 }).expect(201)).body
        .key as ApiKeySummary;
      const renamed = await session.api('patch', KEY_ROUTES.update(first.id)).send({ name: 'renamed', spendCapMicros: '1' }).expect(200);
      expect(renamed.body).toMatchObject({ id: first.id, name: 'renamed', spendCapMicros: '1', rpmLimit: null });
      const cleared = await session.api('patch', KEY_ROUTES.update(second.id)).send({ rpmLimit: null }).expect(200);
      expect(cleared.body).toMatchObject({ name: 'two', rpmLimit: null });
      const names = (await session.api('get', KEY_ROUTES.list).expect(200)).body.data.map((k: ApiKeySummary) => k.name).sort();
      expect(names).toEqual(['renamed', 'two']);
    });

    it('revokes one key independently; revoking again keeps the first time', async () => {
      const session = await TestSession.create(testApp, { withKey: false });
      const keep = (await session.api('post', KEY_ROUTES.create).send({ name: 'keep' }).expect(201)).body;
      const drop = (await session.api('post', KEY_ROUTES.create).send({ name: 'drop' }).expect(201)).body;
      await testApp.http().get(WHOAMI).set(session.bearer(drop.secret)).expect(200);
      const revoked = await session.api('post', KEY_ROUTES.revoke(drop.key.id)).expect(200);
      expect(revoked.body).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
      const again = await session.api('post', KEY_ROUTES.revoke(drop.key.id)).expect(200);
      expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
      await testApp.http().get(WHOAMI).set(session.bearer(drop.secret)).expect(401);
      await testApp.http().get(WHOAMI).set(session.bearer(keep.secret)).expect(200);
    });

    it('lets a customer lower a key limit but not raise it above RATE_LIMIT_RPM', async () => {
      const session = await TestSession.create(testApp, { withKey: false });
      await session.api('post', KEY_ROUTES.create).send({ name: 'low', rpmLimit: 10 }).expect(201);
      const high = await session.api('post', KEY_ROUTES.create).send({ name: 'high', rpmLimit: 1001 }).expect(400);
      expect(high.body.error).toMatchObject({ param: 'rpmLimit', code: 'invalid_request' });
    });

    it('validates key settings', async () => {
      const session = await TestSession.create(testApp, { withKey: false });
      const cases: Array<[Record<string, unknown>, string]> = [
        [{}, 'name'],
        [{ name: '' }, 'name'],
        [{ name: 'x'.repeat(101) }, 'name'],
        [{ name: 'x', rpmLimit: 0 }, 'rpmLimit'],
        [{ name: 'x', rpmLimit: 1.5 }, 'rpmLimit'],
        [{ name: 'x', spendCapMicros: '1.5' }, 'spendCapMicros'],
        [{ name: 'x', spendCapMicros: 5 }, 'spendCapMicros'],
        [{ name: 'x', expiresAt: 'tomorrow' }, 'expiresAt'],
        [{ name: 'x', expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt'],
        [{ name: 'x', secret: 'al-mine' }, 'secret'],
      ];
      for (const [body, param] of cases) {
        const response = await session.api('post', KEY_ROUTES.create).send(body);
        expect({ body, status: response.status, param: response.body.error?.param }).toEqual({ body, status: 400, param });
      }
    });

    it('needs a session for every key route', async () => {
      await testApp.http().get(KEY_ROUTES.list).expect(401);
      await testApp.http().post(KEY_ROUTES.create).set('x-apilink-csrf', '1').send({ name: 'x' }).expect(401);
    });
  });

  describe('ownership (BOLA)', () => {
    it("answers 404 on every key route for another customer's key, exactly as for a missing one", async () => {
      const alice = await TestSession.create(testApp);
      const bob = await TestSession.create(testApp);
      const missing = '00000000-0000-4000-8000-000000000000';
      const attempts = (id: string) => [
        bob.api('get', KEY_ROUTES.get(id)),
        bob.api('patch', KEY_ROUTES.update(id)).send({ name: 'stolen' }),
        bob.api('post', KEY_ROUTES.revoke(id)),
      ];
      for (const id of [alice.keyId, missing]) {
        for (const response of await Promise.all(attempts(id))) {
          expect(response.status).toBe(404);
          expect(response.body.error).toMatchObject({ code: 'not_found', message: `No API key with id ${id}` });
        }
      }
      // An id that cannot exist is refused by its format, before any lookup.
      for (const response of await Promise.all(attempts('not-a-uuid'))) {
        expect(response.status).toBe(404);
        expect(response.body.error).toMatchObject({ code: 'not_found', message: 'Not found: id must be a UUID' });
      }
      const bobsList = await bob.api('get', KEY_ROUTES.list).expect(200);
      expect(bobsList.body.data.map((k: ApiKeySummary) => k.id)).toEqual([bob.keyId]);
      const alicesKey = await alice.api('get', KEY_ROUTES.get(alice.keyId)).expect(200);
      expect(alicesKey.body).toMatchObject({ name: 'test key', status: 'active' });
      await testApp.http().get(WHOAMI).set(alice.bearer()).expect(200);
    });
  });

  describe('the api-key authenticator on /v1', () => {
    it('resolves the principal: user, key, default limit and spend cap', async () => {
      const session = await TestSession.create(testApp, { spendCapMicros: 2_500_000n });
      const response = await testApp.http().get(WHOAMI).set(session.bearer()).expect(200);
      expect(response.body).toEqual({
        kind: 'api-key',
        userId: session.user.id,
        keyId: session.keyId,
        rpmLimit: 1000,
        spendCapMicros: '2500000',
      });
    });

    async function expect401(headers: Record<string, string>, message: RegExp): Promise<void> {
      const response = await testApp.http().get(WHOAMI).set(headers).expect(401);
      expect(response.body).toEqual({
        error: {
          message: expect.stringMatching(message),
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
          request_id: response.headers['x-request-id'],
        },
      });
    }

    it('says the key is missing', async () => {
      await expect401({}, /didn't provide an API key/);
    });

    it('says the key is malformed', async () => {
      await expect401({ Authorization: 'Basic dXNlcjpwYXNz' }, /Malformed API key/);
      await expect401({ Authorization: 'Bearer' }, /Malformed API key/);
      await expect401({ Authorization: `Bearer sk-${'a'.repeat(40)}` }, /Malformed API key/);
      await expect401({ Authorization: 'Bearer al-tooShort' }, /Malformed API key/);
    });

    it('says the key is unknown, echoing only a masked form of it', async () => {
      const other = await TestSession.create(testApp);
      const guess = `al-${'Z'.repeat(40)}`;
      await expect401({ Authorization: `Bearer ${guess}` }, /^Incorrect API key provided: al-ZZZZ\.\.\.ZZZZ\./);
      const response = await testApp
        .http()
        .get(WHOAMI)
        .set({ Authorization: `Bearer ${guess}` });
      expect(JSON.stringify(response.body)).not.toContain(other.apiKey.slice(3, 10));
    });

    it('says the key was revoked', async () => {
      const session = await TestSession.create(testApp);
      await session.api('post', KEY_ROUTES.revoke(session.keyId)).expect(200);
      await expect401(session.bearer(), /has been revoked/);
    });

    it('says the key expired', async () => {
      // The key is cached by its first request, then expires while cached. 5 s leaves that first
      // request time to land even on a loaded machine (1 s did not, at load 24).
      const expiresAt = new Date(Date.now() + 5_000);
      const session = await TestSession.create(testApp, { expiresAt });
      await testApp.http().get(WHOAMI).set(session.bearer()).expect(200);
      await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 100));
      await expect401(session.bearer(), /expired at/);
    });

    it("says the key's account is disabled, at once", async () => {
      const session = await TestSession.create(testApp);
      await testApp.http().get(WHOAMI).set(session.bearer()).expect(200);
      await testApp.app.get(UsersService).disable(session.user.id);
      await expect401(session.bearer(), /is disabled/);
      await testApp.app.get(UsersService).enable(session.user.id);
      await testApp.http().get(WHOAMI).set(session.bearer()).expect(200);
    });

    it('reads nothing from the database for a known key once it is cached', async () => {
      const session = await TestSession.create(testApp);
      await testApp.http().get(WHOAMI).set(session.bearer()).expect(200);
      const dataSource = testApp.app.get(DataSource);
      const spy = jest.spyOn(dataSource, 'createQueryRunner');
      try {
        for (let i = 0; i < 20; i++) await testApp.http().get(WHOAMI).set(session.bearer()).expect(200);
        expect(spy).not.toHaveBeenCalled();
      } finally {
        spy.mockRestore();
      }
    });

    it('stamps last_used_at in a batch, not per request', async () => {
      const session = await TestSession.create(testApp);
      const before = Date.now();
      const dataSource = testApp.app.get(DataSource);
      const spy = jest.spyOn(dataSource, 'createQueryRunner');
      for (let i = 0; i < 5; i++) await testApp.http().get(WHOAMI).set(session.bearer()).expect(200);
      expect(spy).toHaveBeenCalledTimes(1); // the first lookup; no writes
      spy.mockRestore();
      const [unstamped] = await dataSource.query('SELECT last_used_at FROM api_keys WHERE id = $1', [session.keyId]);
      expect(unstamped.last_used_at).toBeNull();
      testApp.app.get(KeyUsageRecorder).flush();
      await testApp.app.get<JobQueue>(JOB_QUEUE).drain();
      const listed = await session.api('get', KEY_ROUTES.get(session.keyId)).expect(200);
      expect(new Date(listed.body.lastUsedAt).getTime()).toBeGreaterThanOrEqual(before - 1_000);
    });
  });
});
