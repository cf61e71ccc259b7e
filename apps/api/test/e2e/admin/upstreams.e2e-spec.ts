import { ADMIN_ROUTES, type AuditLogEntry, type UpstreamAccount } from '@apilink/contracts';
import { DataSource } from 'typeorm';
import { DbUpstreamRoutes } from '../../../src/modules/upstreams/routing/db-upstream-routes';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { ADMIN_TEST_MODELS, TEST_UPSTREAM_ENCRYPTION_KEY } from './support/staff';

const SECRET = 'sk-upstream-secret-value-9f3c';

function account(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name,
    protocol: 'openai',
    baseUrl: 'http://127.0.0.1:9/v1',
    apiKey: SECRET,
    timeoutMs: 30_000,
    models: [{ model: ADMIN_TEST_MODELS.routed, priority: 10 }],
    // Off unless a test routes through it: every app on the e2e database loads these at boot.
    enabled: false,
    reason: 'Second OpenAI account for capacity',
    ...overrides,
  };
}

const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

describe('Upstream accounts', () => {
  let testApp: TestApp;
  let admin: TestSession;

  beforeAll(async () => {
    testApp = await startTestApp({
      env: { UPSTREAM_ENCRYPTION_KEY: TEST_UPSTREAM_ENCRYPTION_KEY, UPSTREAM_ALLOW_PRIVATE_NETWORKS: 'true' },
    });
    admin = await TestSession.create(testApp, { role: 'admin', withKey: false });
  });
  afterAll(() => testApp.close());

  it('tells the staff pages that upstream keys can be stored (UPSTREAM_ENCRYPTION_KEY is set)', async () => {
    const settings = await admin.api('get', ADMIN_ROUTES.settings).expect(200);
    expect(settings.body.upstreamKeysStorable).toBe(true);
  });

  it('stores the API key encrypted and never returns it, only its last 4 characters', async () => {
    const name = uniqueName('openai-backup');
    const created = await admin
      .api('post', ADMIN_ROUTES.upstreams)
      .send(account(name, { enabled: true }))
      .expect(201);
    const body = created.body as UpstreamAccount;
    expect(body).toEqual({
      id: expect.any(String),
      name,
      protocol: 'openai',
      baseUrl: 'http://127.0.0.1:9/v1',
      apiKeyLast4: '9f3c',
      quirksPreset: null,
      quirks: null,
      timeoutMs: 30_000,
      enabled: true,
      models: [{ model: ADMIN_TEST_MODELS.routed, upstreamModel: null, priority: 10 }],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const listed = await admin.api('get', ADMIN_ROUTES.upstreams).expect(200);
    const fetched = await admin.api('get', ADMIN_ROUTES.upstream(body.id)).expect(200);
    for (const text of [JSON.stringify(created.body), JSON.stringify(listed.body), JSON.stringify(fetched.body)])
      expect(text).not.toContain(SECRET);

    const [row] = await testApp.app.get(DataSource).query('SELECT api_key_ciphertext FROM upstream_accounts WHERE id = $1', [body.id]);
    expect(row.api_key_ciphertext).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(row.api_key_ciphertext).not.toContain(SECRET);
    expect(Buffer.from(row.api_key_ciphertext.split('.')[2], 'base64url').toString('latin1')).not.toContain(SECRET);
    const [audit] = await testApp.app.get(DataSource).query('SELECT after FROM audit_log WHERE target_id = $1', [body.id]);
    expect(JSON.stringify(audit)).not.toContain(SECRET);

    const routes = testApp.app.get(DbUpstreamRoutes).current();
    expect(routes.upstreams.find((upstream) => upstream.accountId === body.id)).toMatchObject({
      id: `db:${name}`,
      apiKey: SECRET,
      timeoutMs: 30_000,
    });
    expect(routes.routes[ADMIN_TEST_MODELS.routed]).toContainEqual({ upstream: `db:${name}` });
    await admin.api('delete', ADMIN_ROUTES.upstream(body.id)).send({}).expect(204);
  });

  it('edits, rotates the key, disables, enables and deletes, each in the audit log', async () => {
    const name = uniqueName('acct');
    const { id } = (await admin.api('post', ADMIN_ROUTES.upstreams).send(account(name)).expect(201)).body as UpstreamAccount;
    const routes = testApp.app.get(DbUpstreamRoutes);

    const edited = await admin
      .api('patch', ADMIN_ROUTES.upstream(id))
      .send({
        apiKey: 'sk-rotated-key-0001',
        quirksPreset: 'deepseek',
        quirks: { dropParams: ['user'] },
        models: [{ model: ADMIN_TEST_MODELS.rerouted, upstreamModel: 'gemma-3-27b', priority: 1 }],
        reason: 'rotate',
      })
      .expect(200);
    expect(edited.body).toMatchObject({
      apiKeyLast4: '0001',
      quirksPreset: 'deepseek',
      quirks: { dropParams: ['user'] },
      timeoutMs: 30_000,
    });
    expect(edited.body.models).toEqual([{ model: ADMIN_TEST_MODELS.rerouted, upstreamModel: 'gemma-3-27b', priority: 1 }]);

    const enabled = await admin.api('post', ADMIN_ROUTES.enableUpstream(id)).send({}).expect(200);
    expect(enabled.body.enabled).toBe(true);
    await routes.reload();
    expect(routes.current().upstreams.find((upstream) => upstream.accountId === id)?.apiKey).toBe('sk-rotated-key-0001');
    expect(routes.current().routes[ADMIN_TEST_MODELS.rerouted]).toContainEqual({ upstream: `db:${name}`, model: 'gemma-3-27b' });
    await admin.api('post', ADMIN_ROUTES.disableUpstream(id)).send({ reason: 'Provider outage' }).expect(200);
    await routes.reload();
    expect(routes.current().upstreams.some((upstream) => upstream.accountId === id)).toBe(false);
    await admin.api('delete', ADMIN_ROUTES.upstream(id)).send({ reason: 'Contract ended' }).expect(204);
    await admin.api('get', ADMIN_ROUTES.upstream(id)).expect(404);

    const audit = await admin.api('get', `${ADMIN_ROUTES.auditLog}?targetType=upstream_account&targetId=${id}`).expect(200);
    const entries = audit.body.data as AuditLogEntry[];
    expect(entries.map((entry) => entry.action)).toEqual([
      'upstream.deleted',
      'upstream.disabled',
      'upstream.enabled',
      'upstream.updated',
      'upstream.created',
    ]);
    const update = entries[3];
    expect(update.before).toMatchObject({ apiKeyLast4: '9f3c', quirksPreset: null });
    expect(update.after).toMatchObject({ apiKeyLast4: '0001', apiKeyRotated: true, quirksPreset: 'deepseek' });
    expect(entries[1].reason).toBe('Provider outage');
    expect(entries[0].before).toMatchObject({ name, apiKeyLast4: '0001' });
    expect(JSON.stringify(entries)).not.toContain('sk-rotated-key-0001');
  });

  it('refuses bad settings with the field named', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ models: [{ model: 'openai/no-such-model', priority: 1 }] }, 'models'],
      [{ quirks: { dropParams: ['not_a_param'] } }, 'quirks'],
      [{ quirksPreset: 'unknown-provider' }, 'quirksPreset'],
      [{ protocol: 'anthropic', quirks: { dropParams: [] } }, 'quirks'],
      [{ protocol: 'grpc' }, 'protocol'],
      [{ name: 'Has Spaces' }, 'name'],
      [{ timeoutMs: 10 }, 'timeoutMs'],
      [{ baseUrl: 'http://169.254.169.254/latest' }, 'baseUrl'],
      [
        {
          models: [
            { model: ADMIN_TEST_MODELS.routed, priority: 1 },
            { model: ADMIN_TEST_MODELS.routed, priority: 2 },
          ],
        },
        'models',
      ],
    ];
    for (const [overrides, param] of cases) {
      const response = await admin.api('post', ADMIN_ROUTES.upstreams).send(account(uniqueName('bad'), overrides));
      expect({ overrides, status: response.status, param: response.body.error?.param }).toEqual({
        overrides,
        status: 400,
        param: expect.stringContaining(param),
      });
    }
  });

  it('refuses a second account with the same name', async () => {
    const name = uniqueName('dup');
    await admin.api('post', ADMIN_ROUTES.upstreams).send(account(name)).expect(201);
    const response = await admin.api('post', ADMIN_ROUTES.upstreams).send(account(name)).expect(409);
    expect(response.body.error.param).toBe('name');
  });
});

describe('Upstream base URLs without private networks (the default)', () => {
  let testApp: TestApp;
  let admin: TestSession;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { UPSTREAM_ENCRYPTION_KEY: TEST_UPSTREAM_ENCRYPTION_KEY } });
    admin = await TestSession.create(testApp, { role: 'admin', withKey: false });
  });
  afterAll(() => testApp.close());

  it.each([
    ['https://127.0.0.1/v1', /loopback, private or link-local/],
    ['https://localhost:8443/v1', /loopback, private or link-local/],
    ['https://10.1.2.3/v1', /loopback, private or link-local/],
    ['https://[::1]/v1', /loopback, private or link-local/],
    ['https://169.254.169.254/latest', /metadata/],
    ['https://metadata.google.internal/', /metadata/],
    ['http://8.8.8.8/v1', /https/],
    ['https://[::127.0.0.1]/', /reserved/],
    ['https://[::7f00:1]/', /reserved/],
    ['https://[2001:db8::1]/v1', /reserved/],
  ])('refuses %s', async (baseUrl, message) => {
    const response = await admin
      .api('post', ADMIN_ROUTES.upstreams)
      .send(account(uniqueName('ssrf'), { baseUrl }))
      .expect(400);
    expect(response.body.error).toMatchObject({ param: 'baseUrl', message: expect.stringMatching(message) });
  });

  it('refuses a base URL changed to a private address later', async () => {
    const created = await admin
      .api('post', ADMIN_ROUTES.upstreams)
      .send(account(uniqueName('pub'), { baseUrl: 'https://8.8.8.8/v1' }))
      .expect(201);
    const response = await admin
      .api('patch', ADMIN_ROUTES.upstream(created.body.id))
      .send({ baseUrl: 'https://192.168.0.10/v1' })
      .expect(400);
    expect(response.body.error.param).toBe('baseUrl');
  });
});

describe('Upstream accounts without UPSTREAM_ENCRYPTION_KEY', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { UPSTREAM_ENCRYPTION_KEY: undefined, UPSTREAM_ALLOW_PRIVATE_NETWORKS: 'true' } });
  });
  afterAll(() => testApp.close());

  it('refuses to store a key it could only keep in clear', async () => {
    const admin = await TestSession.create(testApp, { role: 'admin', withKey: false });
    const response = await admin
      .api('post', ADMIN_ROUTES.upstreams)
      .send(account(uniqueName('nokey')))
      .expect(503);
    expect(response.body.error.message).toMatch(/UPSTREAM_ENCRYPTION_KEY/);
    await admin.api('get', ADMIN_ROUTES.upstreams).expect(200);
  });
});
