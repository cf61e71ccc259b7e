import { KEY_ROUTES } from '@apilink/contracts';
import { DataSource } from 'typeorm';
import { UsersService } from '../../../src/modules/auth/users.service';
import { redisEnv, startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { AuthProbeModule } from './probe.module';
import { settleJobs } from './settle-jobs';

const WHOAMI = '/v1/test-whoami';

/** Polls until the instance refuses the key; returns how long that took. */
async function msUntilRefused(testApp: TestApp, headers: Record<string, string>, since: number): Promise<{ ms: number; message: string }> {
  for (;;) {
    const response = await testApp.http().get(WHOAMI).set(headers);
    if (response.status === 401) return { ms: Date.now() - since, message: response.body.error.message };
    expect(response.status).toBe(200);
    if (Date.now() - since > 5_000) throw new Error('still accepted after 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('key invalidation across two API instances sharing Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    // A cache TTL far above 1 s: only the pub/sub message can make instance B forget the key in time.
    const env = { ...redisEnv(), API_KEY_CACHE_TTL_SECONDS: '600' };
    a = await startTestApp({ env, extraImports: [AuthProbeModule] });
    b = await startTestApp({ env, extraImports: [AuthProbeModule] });
  });
  afterAll(async () => {
    await settleJobs(a, b);
    await a?.close();
    await b?.close();
  });

  async function warm(session: TestSession): Promise<void> {
    await a.http().get(WHOAMI).set(session.bearer()).expect(200);
    await b.http().get(WHOAMI).set(session.bearer()).expect(200);
    // B now answers from its cache, without the database.
    const spy = jest.spyOn(b.app.get(DataSource), 'createQueryRunner');
    await b.http().get(WHOAMI).set(session.bearer()).expect(200);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  }

  it('stops a key revoked on instance A on instance B within 1 s', async () => {
    const session = await TestSession.create(a);
    await warm(session);
    const revokedAt = Date.now();
    await session.api('post', KEY_ROUTES.revoke(session.keyId)).expect(200);
    const { ms, message } = await msUntilRefused(b, session.bearer(), revokedAt);
    expect(message).toMatch(/has been revoked/);
    expect(ms).toBeLessThanOrEqual(1_000);
  });

  it("stops a disabled user's keys on instance B within 1 s", async () => {
    const session = await TestSession.create(a);
    await warm(session);
    const disabledAt = Date.now();
    await a.app.get(UsersService).disable(session.user.id);
    const { ms, message } = await msUntilRefused(b, session.bearer(), disabledAt);
    expect(message).toMatch(/is disabled/);
    expect(ms).toBeLessThanOrEqual(1_000);
  });

  it('applies a changed limit on instance B', async () => {
    const session = await TestSession.create(a, { rpm: 50 });
    await warm(session);
    await session.api('patch', KEY_ROUTES.update(session.keyId)).send({ rpmLimit: 7 }).expect(200);
    const deadline = Date.now() + 1_000;
    let rpm = 0;
    while (Date.now() < deadline && rpm !== 7) {
      rpm = (await b.http().get(WHOAMI).set(session.bearer()).expect(200)).body.rpmLimit;
    }
    expect(rpm).toBe(7);
  });
});
