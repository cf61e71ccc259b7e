/**
 * Ordered upstreams per model (ROUTES_FILE): the next upstream answers when one fails before the
 * first byte reaches the client; 503 only when all fail; never a retry once streaming began.
 */
import { ADMIN_ROUTES, type AdminRequestDetail } from '@apilink/contracts';
import { startMockUpstream, type MockUpstream } from '@apilink/mock-upstream';
import { TestSession } from '../../support/test-session';
import { startTestApp, useGateway, type GatewayFixture, type Mocks } from './support/gateway-harness';
import { collectStream } from './support/stream-collector';
import { writeRoutesFile } from './support/routes-file';
import { waitForUsage } from './support/usage-records';

const HELLO = [{ role: 'user' as const, content: 'Hello' }];

function routesEnv(mocks: Mocks, backup: MockUpstream): Record<string, string> {
  const routesFile = writeRoutesFile(
    `# Failover routes for the e2e test
upstreams:
  backup-openai:
    protocol: openai
    baseUrl: ${backup.url}
    apiKey: \${BACKUP_OPENAI_KEY}
  claude-backup:
    protocol: anthropic
    baseUrl: ${mocks.anthropic.url}
    apiKey: ${mocks.anthropic.apiKey}
routes:
  openai/gpt-4o-mini: [openai, backup-openai]
  openai/gpt-4o:
    - openai
    - upstream: claude-backup
      model: claude-haiku-4-5
`,
  );
  return {
    OPENAI_API_KEY: mocks.openai.apiKey,
    OPENAI_BASE_URL: mocks.openai.url,
    BACKUP_OPENAI_KEY: backup.apiKey,
    ROUTES_FILE: routesFile,
    UPSTREAM_STREAM_HEADERS_TIMEOUT_MS: '300',
    UPSTREAM_HEADERS_TIMEOUT_MS: '300',
  };
}

/** The gateway with OpenAI's account and a routes file adding a backup OpenAI-compatible upstream and Claude. */
function useFailoverGateway(extraEnv: Record<string, string>): GatewayFixture & { backup: MockUpstream } {
  let backup: MockUpstream;
  const fixture = useGateway({
    env: async (mocks) => {
      backup = await startMockUpstream({ protocol: 'openai', apiKey: 'sk-backup' });
      Object.assign(fixture, { backup });
      return { ...routesEnv(mocks, backup), ...extraEnv };
    },
  }) as GatewayFixture & { backup: MockUpstream };
  beforeEach(() => backup.reset());
  afterAll(() => backup?.close());
  return fixture;
}

describe('failover between upstreams', () => {
  // A high threshold keeps the primary's breaker closed across these tests; the breaker has its own suite.
  const gw = useFailoverGateway({ CIRCUIT_BREAKER_FAILURE_THRESHOLD: '1000' });

  it.each([
    ['a 500', { kind: 'status', status: 500, times: 1 }],
    ['a 429', { kind: 'rateLimit', times: 1 }],
    ['a connection reset', { kind: 'connectionReset', times: 1 }],
    ['a malformed body', { kind: 'malformed', times: 1 }],
  ] as const)('moves on to the next upstream after %s', async (_case, fault) => {
    gw.mocks.openai.setFault(fault);
    gw.backup.enqueueReply({ text: 'from the backup' });
    const completion = await gw.customer.client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: HELLO });
    expect(completion.choices[0].message.content).toBe('from the backup');
    expect(gw.mocks.openai.requests).toHaveLength(1);
    expect(gw.backup.requests).toHaveLength(1);
  });

  it('moves on when a streaming upstream does not answer in time', async () => {
    gw.mocks.openai.setFault({ kind: 'hang', times: 1 });
    gw.backup.enqueueReply({ text: 'streamed by the backup' });
    const collected = await collectStream(
      await gw.customer.client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: HELLO, stream: true }),
    );
    expect(collected.text).toBe('streamed by the backup');
    expect(collected.schemaErrors).toEqual([]);
    await gw.mocks.openai.waitForAbort(1000);
  });

  it('moves on when a non-streamed upstream accepts the request and never answers', async () => {
    gw.mocks.openai.setFault({ kind: 'hang', times: 1 });
    gw.backup.enqueueReply({ text: 'answered by the backup' });
    const started = Date.now();
    const completion = await gw.customer.client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: HELLO });
    expect(completion.choices[0].message.content).toBe('answered by the backup');
    // After UPSTREAM_HEADERS_TIMEOUT_MS (300 ms here), not the 120 s request timeout.
    expect(Date.now() - started).toBeLessThan(10_000);
    await gw.mocks.openai.waitForAbort(1000);
  });

  it.each([false, true])('answers 503 when every upstream hangs (stream: %s), as for connection errors', async (stream) => {
    gw.mocks.openai.setFault({ kind: 'hang', times: 1 });
    gw.backup.setFault({ kind: 'hang', times: 1 });
    const started = Date.now();
    const response = await gw.testApp
      .http()
      .post('/v1/chat/completions')
      .set(gw.customer.session.bearer())
      .send({ model: 'openai/gpt-4o-mini', messages: HELLO, stream })
      .expect(503);
    expect(response.body.error).toMatchObject({ type: 'api_error', message: 'All upstream providers unavailable, retry shortly' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(gw.mocks.openai.requests).toHaveLength(1);
    expect(gw.backup.requests).toHaveLength(1);
  });

  it('fails over to an upstream of another protocol, keeping the model id the client asked for', async () => {
    gw.mocks.openai.setFault({ kind: 'status', status: 503, times: 1 });
    gw.mocks.anthropic.enqueueReply({ text: 'Claude stepping in' });
    const { data: completion, response } = await gw.customer.client.chat.completions
      .create({ model: 'openai/gpt-4o', messages: HELLO })
      .withResponse();
    expect(completion.model).toBe('openai/gpt-4o');
    expect(completion.choices[0].message.content).toBe('Claude stepping in');
    expect((gw.mocks.anthropic.lastRequest?.body as { model: string }).model).toBe('claude-haiku-4-5');

    // Staff see both attempts, in order, in the request lookup.
    const requestId = response.headers.get('x-request-id') ?? '';
    await waitForUsage(gw.testApp, requestId);
    const support = await TestSession.create(gw.testApp, { role: 'support' });
    const detail = (await support.api('get', ADMIN_ROUTES.request(requestId)).expect(200)).body as AdminRequestDetail;
    expect(detail.attempts).toEqual([
      { upstream: 'openai', status: 'failed', httpStatus: 503, error: 'status_5xx', durationMs: expect.any(Number) },
      { upstream: 'claude-backup', status: 'success', httpStatus: null, error: null, durationMs: expect.any(Number) },
    ]);
  });

  it('answers 503 only when every upstream failed, each tried once', async () => {
    gw.mocks.openai.setFault({ kind: 'status', status: 500 });
    gw.backup.setFault({ kind: 'status', status: 502 });
    const response = await gw.testApp
      .http()
      .post('/v1/chat/completions')
      .set(gw.customer.session.bearer())
      .send({ model: 'openai/gpt-4o-mini', messages: HELLO })
      .expect(503);
    expect(response.body.error).toMatchObject({ type: 'api_error', message: 'All upstream providers unavailable, retry shortly' });
    expect(gw.mocks.openai.requests).toHaveLength(1);
    expect(gw.backup.requests).toHaveLength(1);
  });

  it('does not retry a request the upstream refused as invalid', async () => {
    await gw.testApp
      .http()
      .post('/v1/chat/completions')
      .set(gw.customer.session.bearer())
      .send({ model: 'openai/gpt-4o-mini', messages: HELLO, tool_choice: 'auto' })
      .expect(400);
    expect(gw.mocks.openai.requests).toHaveLength(1);
    expect(gw.backup.requests).toHaveLength(0);
  });

  it('never retries once the stream has started: the break is reported in-band', async () => {
    gw.mocks.openai.setFault({ kind: 'dropMidStream', afterChunks: 3, times: 1 });
    const stream = await gw.customer.client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: HELLO, stream: true });
    await expect(collectStream(stream)).rejects.toThrow();
    expect(gw.backup.requests).toHaveLength(0);
  });
});

describe('the circuit breaker', () => {
  const gw = useFailoverGateway({ CIRCUIT_BREAKER_FAILURE_THRESHOLD: '2', CIRCUIT_BREAKER_COOLDOWN_MS: '1500' });

  it('stops trying a failing upstream first, then gives it another chance after the cool-down', async () => {
    gw.mocks.openai.setFault({ kind: 'status', status: 500, times: 2 });
    for (let i = 0; i < 2; i++) await gw.customer.client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: HELLO });
    expect(gw.mocks.openai.requests).toHaveLength(2);

    // Open: the backup is tried first, the primary not at all.
    await gw.customer.client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: HELLO });
    expect(gw.mocks.openai.requests).toHaveLength(2);
    expect(gw.backup.requests).toHaveLength(3);

    // After the cool-down the primary (healthy again) is first once more.
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await gw.customer.client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: HELLO });
    expect(gw.mocks.openai.requests).toHaveLength(3);
    expect(gw.backup.requests).toHaveLength(3);
  });
});

describe('the circuit breaker and upstreams that hang', () => {
  const gw = useFailoverGateway({ CIRCUIT_BREAKER_FAILURE_THRESHOLD: '2', CIRCUIT_BREAKER_COOLDOWN_MS: '60000' });

  it('counts a non-streamed upstream that never answers as a failure', async () => {
    gw.mocks.openai.setFault({ kind: 'hang', times: 2 });
    for (let i = 0; i < 2; i++) await gw.customer.client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: HELLO });
    expect(gw.mocks.openai.requests).toHaveLength(2);
    expect(gw.backup.requests).toHaveLength(2);

    // Open: the backup is tried first, the primary not at all.
    await gw.customer.client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: HELLO });
    expect(gw.mocks.openai.requests).toHaveLength(2);
    expect(gw.backup.requests).toHaveLength(3);
  });
});

describe('a routes file that does not hold up', () => {
  it('stops the boot, naming every problem', async () => {
    const routesFile = writeRoutesFile({ routes: { 'openai/gpt-4o': ['nobody'] }, upstreams: { x: { protocol: 'soap' } } });
    await expect(startTestApp({ env: { OPENAI_API_KEY: 'sk-x', ROUTES_FILE: routesFile } })).rejects.toThrow(
      /- ROUTES_FILE: upstreams.x.protocol must be one of[\s\S]*\n  - ROUTES_FILE: routes\["openai\/gpt-4o"\]\[0\]: unknown upstream "nobody"/,
    );
  });

  it('stops the boot when it routes a model the catalog does not have', async () => {
    const routesFile = writeRoutesFile({ routes: { 'openai/gpt-404': ['openai'] } });
    await expect(startTestApp({ env: { OPENAI_API_KEY: 'sk-x', ROUTES_FILE: routesFile } })).rejects.toThrow(
      /not in the catalog: openai\/gpt-404/,
    );
  });
});
