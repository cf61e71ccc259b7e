import { ADMIN_ROUTES, CREDITS_PATH, type AdminModel, type GatewayModelList } from '@apilink/contracts';
import { DbUpstreamRoutes } from '../../../src/modules/upstreams/routing/db-upstream-routes';
import { redisEnv, startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { ADMIN_TEST_MODELS, TEST_UPSTREAM_ENCRYPTION_KEY } from './support/staff';

/** Polls until `check` holds; returns how long that took, or fails after `limitMs`. */
async function within(limitMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limitMs) throw new Error(`not true within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

describe('Staff changes reach every instance (two API instances sharing Redis)', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: TestSession;
  let adminOnB: TestSession;

  beforeAll(async () => {
    const env = {
      ...redisEnv(),
      RATE_LIMIT_RPM: '10000',
      CEREBRAS_API_KEY: 'sk-cerebras-test',
      UPSTREAM_ENCRYPTION_KEY: TEST_UPSTREAM_ENCRYPTION_KEY,
      UPSTREAM_ALLOW_PRIVATE_NETWORKS: 'true',
    };
    a = await startTestApp({ env });
    b = await startTestApp({ env });
    admin = await TestSession.create(a, { role: 'admin', withKey: false });
    adminOnB = await TestSession.create(b, { role: 'admin', withKey: false });
    // Two app boots: 30 s ran out at load 18.
  }, 90_000);
  afterAll(async () => {
    await admin?.api('post', ADMIN_ROUTES.activateModel(ADMIN_TEST_MODELS.propagated)).send({});
    await Promise.all([a?.close(), b?.close()]);
  });

  it('stops a disabled user’s keys on the other instance within 1 s, and lets them back in', async () => {
    const customer = await TestSession.create(a);
    await b.http().get(CREDITS_PATH).set(customer.bearer()).expect(200); // now cached on B
    await admin.api('post', ADMIN_ROUTES.disableUser(customer.user.id)).send({ reason: 'abuse' }).expect(200);
    const refused = await within(1000, async () => (await b.http().get(CREDITS_PATH).set(customer.bearer())).status === 401);
    await admin.api('post', ADMIN_ROUTES.enableUser(customer.user.id)).send({}).expect(200);
    const accepted = await within(1000, async () => (await b.http().get(CREDITS_PATH).set(customer.bearer())).status === 200);
    expect(refused).toBeLessThanOrEqual(1000);
    expect(accepted).toBeLessThanOrEqual(1000);
  });

  it('stops a revoked key on the other instance within 1 s', async () => {
    const customer = await TestSession.create(a);
    await b.http().get(CREDITS_PATH).set(customer.bearer()).expect(200);
    await admin.api('post', ADMIN_ROUTES.revokeUserKey(customer.user.id, customer.keyId)).send({ reason: 'leaked' }).expect(200);
    expect(await within(1000, async () => (await b.http().get(CREDITS_PATH).set(customer.bearer())).status === 401)).toBeLessThanOrEqual(
      1000,
    );
  });

  it('routes by a new database upstream on the other instance within 1 s, and stops when it is disabled', async () => {
    const model = ADMIN_TEST_MODELS.propagated;
    const upstreamsOnB = async () => ((await adminOnB.api('get', ADMIN_ROUTES.model(model)).expect(200)).body as AdminModel).upstreams;
    expect(await upstreamsOnB()).toEqual(['cerebras']);
    const name = `propagated-${Date.now().toString(36)}`;
    const created = await admin
      .api('post', ADMIN_ROUTES.upstreams)
      .send({ name, protocol: 'openai', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-propagated', models: [{ model, priority: 1 }] })
      .expect(201);
    const seen = await within(1000, async () => (await upstreamsOnB())[0] === `db:${name}`);
    expect(
      b.app
        .get(DbUpstreamRoutes)
        .current()
        .upstreams.find((upstream) => upstream.name === name)?.apiKey,
    ).toBe('sk-propagated');
    await admin.api('post', ADMIN_ROUTES.disableUpstream(created.body.id)).send({}).expect(200);
    const gone = await within(1000, async () => (await upstreamsOnB())[0] === 'cerebras');
    await admin.api('delete', ADMIN_ROUTES.upstream(created.body.id)).send({}).expect(204);
    expect(seen).toBeLessThanOrEqual(1000);
    expect(gone).toBeLessThanOrEqual(1000);
  });

  it('hides a deactivated model on the other instance within 1 s', async () => {
    const customer = await TestSession.create(b);
    const listedOnB = async () =>
      ((await b.http().get('/v1/models').set(customer.bearer()).expect(200)).body as GatewayModelList).data.some(
        (model) => model.id === ADMIN_TEST_MODELS.propagated,
      );
    expect(await listedOnB()).toBe(true);
    await admin.api('post', ADMIN_ROUTES.deactivateModel(ADMIN_TEST_MODELS.propagated)).send({}).expect(200);
    expect(await within(1000, async () => !(await listedOnB()))).toBeLessThanOrEqual(1000);
    await admin.api('post', ADMIN_ROUTES.activateModel(ADMIN_TEST_MODELS.propagated)).send({}).expect(200);
    expect(await within(1000, listedOnB)).toBeLessThanOrEqual(1000);
  });
});
