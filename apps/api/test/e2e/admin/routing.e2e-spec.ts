/**
 * A chat completion routed through an upstream account created with the admin API (not env or
 * ROUTES_FILE), against the OpenAI-compatible mock upstream; and a price change that applies to
 * the next request while the earlier one keeps what it was charged.
 */
import { randomUUID } from 'node:crypto';
import { startMockUpstream, type MockUpstream } from '@apilink/mock-upstream';
import { ADMIN_ROUTES, type AdminRequestDetail, type UpstreamAccount } from '@apilink/contracts';
import { eventually } from '../../support/eventually';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { ADMIN_TEST_MODELS, TEST_UPSTREAM_ENCRYPTION_KEY } from './support/staff';

const MODEL = ADMIN_TEST_MODELS.routed;

describe('Completions through a database upstream account', () => {
  let mock: MockUpstream;
  let testApp: TestApp;
  let admin: TestSession;
  let customer: TestSession;
  let account: UpstreamAccount;

  const complete = (requestId: string) =>
    testApp
      .http()
      .post('/v1/chat/completions')
      .set(customer.bearer())
      .set('x-request-id', requestId)
      .send({ model: MODEL, messages: [{ role: 'user', content: 'Hello from the admin routing test' }], max_tokens: 50 });

  /** The request's detail once its usage row is written (settlement runs just after the response). */
  const requestDetail = (requestId: string) =>
    eventually(async () => (await admin.api('get', ADMIN_ROUTES.request(requestId)).expect(200)).body as AdminRequestDetail);

  beforeAll(async () => {
    mock = await startMockUpstream({ protocol: 'openai', apiKey: 'sk-db-upstream-right' });
    testApp = await startTestApp({
      env: { UPSTREAM_ENCRYPTION_KEY: TEST_UPSTREAM_ENCRYPTION_KEY, UPSTREAM_ALLOW_PRIVATE_NETWORKS: 'true', RATE_LIMIT_RPM: '1000' },
    });
    [admin, customer] = await Promise.all([TestSession.create(testApp, { role: 'admin', withKey: false }), TestSession.create(testApp)]);
    await admin.api('post', ADMIN_ROUTES.creditAdjustments(customer.user.id)).send({ amountUsd: '20', reason: 'routing test' }).expect(200);
    const created = await admin
      .api('post', ADMIN_ROUTES.upstreams)
      .send({
        name: `db-route-${randomUUID().slice(0, 8)}`,
        protocol: 'openai',
        baseUrl: mock.url,
        apiKey: 'sk-db-upstream-wrong',
        models: [{ model: MODEL, upstreamModel: 'qwen3-32b-custom', priority: 1 }],
      })
      .expect(201);
    account = created.body;
  });
  afterAll(async () => {
    if (account) await admin.api('delete', ADMIN_ROUTES.upstream(account.id)).send({});
    await testApp?.close();
    await mock?.close();
  });

  it('sends the request with the stored key, and the rotated key from the next request on', async () => {
    const refused = await complete(`route-${randomUUID()}`);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(mock.lastRequest?.headers.authorization).toBe('Bearer sk-db-upstream-wrong');

    await admin.api('patch', ADMIN_ROUTES.upstream(account.id)).send({ apiKey: 'sk-db-upstream-right' }).expect(200);
    const requestId = `route-${randomUUID()}`;
    const answered = await complete(requestId).expect(200);
    expect(answered.body.choices[0].message.content).toMatch(/Mock openai reply/);
    expect(answered.body.model).toBe(MODEL);
    expect(mock.lastRequest?.headers.authorization).toBe('Bearer sk-db-upstream-right');
    expect((mock.lastRequest?.body as { model?: string }).model).toBe('qwen3-32b-custom');

    const detail = await requestDetail(requestId);
    expect(detail.usage).toMatchObject({ model: MODEL, provider: `db:${account.name}`, status: 'success' });
  });

  it('charges a new price from the next request on; the earlier request keeps its charge', async () => {
    const before = `price-${randomUUID()}`;
    await complete(before).expect(200);
    const firstCost = (await requestDetail(before)).usage.cost.micros;

    await admin
      .api('post', ADMIN_ROUTES.modelPrices(MODEL))
      .send({ inputPerMTokUsd: '300', outputPerMTokUsd: '600', reason: 'test' })
      .expect(200);
    const after = `price-${randomUUID()}`;
    await complete(after).expect(200);
    const first = await requestDetail(before);
    const second = await requestDetail(after);

    expect(first.usage.cost.micros).toBe(firstCost);
    // Same prompt and reply, so the cost follows the price: ceil(tokens × price / 1M) per component.
    const expected =
      Math.ceil((second.usage.promptTokens * 300_000_000) / 1_000_000) +
      Math.ceil((second.usage.completionTokens * 600_000_000) / 1_000_000);
    expect(second.usage.cost.micros).toBe(String(expected));
    expect(BigInt(second.usage.cost.micros)).toBeGreaterThan(BigInt(firstCost));
  });
});
