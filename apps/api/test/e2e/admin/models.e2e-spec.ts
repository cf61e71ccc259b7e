import { ADMIN_ROUTES, type AdminModel, type AuditLogEntry, type GatewayModelList } from '@apilink/contracts';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { ADMIN_TEST_MODELS, TEST_UPSTREAM_ENCRYPTION_KEY } from './support/staff';

const MODEL = ADMIN_TEST_MODELS.managed;

describe('Model management', () => {
  let testApp: TestApp;
  let admin: TestSession;
  let customer: TestSession;

  const activeIds = async () =>
    ((await testApp.http().get('/v1/models').set(customer.bearer()).expect(200)).body as GatewayModelList).data.map((model) => model.id);

  beforeAll(async () => {
    // The provider's key makes its catalog models routed, hence active.
    testApp = await startTestApp({
      env: {
        NEBIUS_API_KEY: 'sk-nebius-test',
        RATE_LIMIT_RPM: '1000',
        UPSTREAM_ENCRYPTION_KEY: TEST_UPSTREAM_ENCRYPTION_KEY,
        UPSTREAM_ALLOW_PRIVATE_NETWORKS: 'true',
      },
    });
    [admin, customer] = await Promise.all([TestSession.create(testApp, { role: 'admin', withKey: false }), TestSession.create(testApp)]);
  });
  afterAll(async () => {
    await admin?.api('post', ADMIN_ROUTES.activateModel(MODEL)).send({});
    await admin?.api('patch', ADMIN_ROUTES.model(MODEL)).send({ aliases: [], defaultMaxOutputTokens: null });
    await testApp?.close();
  });

  it('lists every catalog model with its switch, upstreams and prices', async () => {
    const response = await admin.api('get', ADMIN_ROUTES.models).expect(200);
    const models = response.body.data as AdminModel[];
    expect(models.length).toBeGreaterThanOrEqual(200);
    const model = models.find((candidate) => candidate.id === MODEL)!;
    expect(model).toMatchObject({ provider: 'nebius', enabled: true, active: true, upstreams: ['nebius'] });
    expect(model.currentPrice?.inputPerMTok.micros).toMatch(/^\d+$/);
    expect((await admin.api('get', ADMIN_ROUTES.model(MODEL)).expect(200)).body).toEqual(model);
    await admin.api('get', ADMIN_ROUTES.model('nebius/no-such-model')).expect(404);
  });

  it('deactivates a model so /v1/models stops listing it, and activates it again', async () => {
    expect(await activeIds()).toContain(MODEL);
    const off = await admin.api('post', ADMIN_ROUTES.deactivateModel(MODEL)).send({ reason: 'Upstream deprecates it' }).expect(200);
    expect(off.body).toMatchObject({ id: MODEL, enabled: false, active: false });
    expect(await activeIds()).not.toContain(MODEL);
    await testApp
      .http()
      .get(`/v1/models/${encodeURIComponent(MODEL)}`)
      .set(customer.bearer())
      .expect(404);

    const on = await admin.api('post', ADMIN_ROUTES.activateModel(MODEL)).send({}).expect(200);
    expect(on.body).toMatchObject({ enabled: true, active: true });
    expect(await activeIds()).toContain(MODEL);

    const audit = await admin
      .api('get', `${ADMIN_ROUTES.auditLog}?targetType=model&targetId=${encodeURIComponent(MODEL)}&pageSize=2`)
      .expect(200);
    expect((audit.body.data as AuditLogEntry[]).map((entry) => [entry.action, entry.before, entry.after, entry.reason])).toEqual([
      ['model.activated', { enabled: false }, { enabled: true }, null],
      ['model.deactivated', { enabled: true }, { enabled: false }, 'Upstream deprecates it'],
    ]);
  });

  it('adds a price version effective now and keeps the old ones for past usage', async () => {
    const before = (await admin.api('get', ADMIN_ROUTES.model(MODEL)).expect(200)).body as AdminModel;
    const changedAt = Date.now();
    const response = await admin
      .api('post', ADMIN_ROUTES.modelPrices(MODEL))
      .send({ inputPerMTokUsd: '0.123456', outputPerMTokUsd: '2', cachedInputPerMTokUsd: '0.01', reason: 'Supplier raised prices' })
      .expect(200);
    const after = response.body as AdminModel;
    expect(after.currentPrice).toMatchObject({
      inputPerMTok: { micros: '123456', usd: '0.123456' },
      outputPerMTok: { micros: '2000000' },
      cachedInputPerMTok: { micros: '10000' },
      cacheWritePerMTok: null,
      reasoningPerMTok: null,
    });
    expect(new Date(after.currentPrice!.effectiveFrom).getTime()).toBeGreaterThanOrEqual(changedAt - 1000);
    expect(after.priceHistory).toHaveLength(before.priceHistory.length + 1);
    expect(after.priceHistory.slice(1)).toEqual(before.priceHistory);

    const gateway = await testApp
      .http()
      .get(`/v1/models/${encodeURIComponent(MODEL)}`)
      .set(customer.bearer())
      .expect(200);
    expect(gateway.body.pricing.prompt).toBe('0.000000123456');

    const audit = await admin
      .api('get', `${ADMIN_ROUTES.auditLog}?action=model.price_changed&targetId=${encodeURIComponent(MODEL)}`)
      .expect(200);
    expect(audit.body.data[0]).toMatchObject({
      before: { inputPerMTok: before.currentPrice!.inputPerMTok },
      after: { inputPerMTok: { micros: '123456' } },
      reason: 'Supplier raised prices',
    });
  });

  it('refuses malformed prices with the field named', async () => {
    const response = await admin
      .api('post', ADMIN_ROUTES.modelPrices(MODEL))
      .send({ inputPerMTokUsd: '-1', outputPerMTokUsd: '1' })
      .expect(400);
    expect(response.body.error.param).toBe('inputPerMTokUsd');
    await admin
      .api('post', ADMIN_ROUTES.modelPrices('nebius/no-such-model'))
      .send({ inputPerMTokUsd: '1', outputPerMTokUsd: '1' })
      .expect(404);
  });

  it('routes a model through database upstreams, ahead of the env account, until they go', async () => {
    const model = ADMIN_TEST_MODELS.routed;
    const upstreamsOf = async () => ((await admin.api('get', ADMIN_ROUTES.model(model)).expect(200)).body as AdminModel).upstreams;
    expect(await upstreamsOf()).toEqual(['nebius']);
    const name = `takeover-${Date.now().toString(36)}`;
    const backup = `${name}-b`;
    const create = (accountName: string, priority: number) =>
      admin
        .api('post', ADMIN_ROUTES.upstreams)
        .send({
          name: accountName,
          protocol: 'openai',
          baseUrl: 'http://127.0.0.1:9/v1',
          apiKey: 'sk-takeover',
          models: [{ model, priority }],
        })
        .expect(201);
    const [first, second] = [(await create(backup, 20)).body.id as string, (await create(name, 5)).body.id as string];
    expect(await upstreamsOf()).toEqual([`db:${name}`, `db:${backup}`]);
    await admin.api('post', ADMIN_ROUTES.disableUpstream(second)).send({}).expect(200);
    expect(await upstreamsOf()).toEqual([`db:${backup}`]);
    await admin.api('delete', ADMIN_ROUTES.upstream(first)).send({}).expect(204);
    await admin.api('delete', ADMIN_ROUTES.upstream(second)).send({}).expect(204);
    expect(await upstreamsOf()).toEqual(['nebius']);
  });

  it('sets aliases clients can ask for, and a default output cap, through the models module', async () => {
    const alias = `hermes-small-${Date.now().toString(36)}`;
    const updated = await admin
      .api('patch', ADMIN_ROUTES.model(MODEL))
      .send({ aliases: [alias, `${alias}-latest`], defaultMaxOutputTokens: 1000, reason: 'Short name for the docs' })
      .expect(200);
    expect(updated.body).toMatchObject({ id: MODEL, aliases: [alias, `${alias}-latest`], defaultMaxOutputTokens: 1000 });

    const byAlias = await testApp
      .http()
      .get(`/v1/models/${encodeURIComponent(alias)}`)
      .set(customer.bearer())
      .expect(200);
    expect(byAlias.body.id).toBe(MODEL);

    const taken = await admin
      .api('patch', ADMIN_ROUTES.model(ADMIN_TEST_MODELS.routed))
      .send({ aliases: [alias] })
      .expect(409);
    expect(taken.body.error.param).toBe('aliases');
    const idAsAlias = await admin
      .api('patch', ADMIN_ROUTES.model(ADMIN_TEST_MODELS.routed))
      .send({ aliases: [MODEL] })
      .expect(409);
    expect(idAsAlias.body.error.param).toBe('aliases');
    const tooLarge = await admin
      .api('patch', ADMIN_ROUTES.model(MODEL))
      .send({ aliases: [], defaultMaxOutputTokens: 10_000_000 })
      .expect(400);
    expect(tooLarge.body.error.param).toBe('defaultMaxOutputTokens');
    expect((await admin.api('get', ADMIN_ROUTES.model(MODEL)).expect(200)).body.aliases).toEqual([alias, `${alias}-latest`]);

    const audit = await admin.api('get', `${ADMIN_ROUTES.auditLog}?action=model.updated&targetId=${encodeURIComponent(MODEL)}`).expect(200);
    expect(audit.body.data[0]).toMatchObject({
      before: { aliases: [], defaultMaxOutputTokens: null },
      after: { aliases: [alias, `${alias}-latest`], defaultMaxOutputTokens: 1000 },
      reason: 'Short name for the docs',
    });
  });
});
