/** GET /metrics: the gateway's Prometheus series, without secrets or prompt text in any label. */
import {
  closeMocks,
  newCustomer,
  providerEnv,
  startMocks,
  startTestApp,
  type Customer,
  type Mocks,
  type TestApp,
} from './support/gateway-harness';
import { collectStream } from './support/stream-collector';

const SECRET_PROMPT = 'my-very-secret-prompt-text';

describe('metrics', () => {
  let mocks: Mocks;
  let testApp: TestApp;
  let customer: Customer;
  beforeAll(async () => {
    mocks = await startMocks();
    testApp = await startTestApp({ env: providerEnv(mocks) });
    customer = await newCustomer(testApp);
    mocks.openai.enqueueReply({ text: 'hi', usage: { promptTokens: 10, completionTokens: 2 } });
    await customer.client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: SECRET_PROMPT }] });
    await collectStream(
      await customer.client.chat.completions.create({
        model: 'anthropic/claude-sonnet-4-5',
        messages: [{ role: 'user', content: SECRET_PROMPT }],
        stream: true,
      }),
    );
    mocks.gemini.setFault({ kind: 'status', status: 500, times: 1 });
    await customer.client.chat.completions
      .create({ model: 'google/gemini-2.5-flash', messages: [{ role: 'user', content: SECRET_PROMPT }] })
      .catch(() => undefined);
    await customer.client.chat.completions
      .create({ model: 'openai/not-a-model', messages: [{ role: 'user', content: SECRET_PROMPT }] })
      .catch(() => undefined);
  });
  afterAll(async () => {
    await testApp?.close();
    await closeMocks(mocks);
  });

  async function scrape(): Promise<string> {
    // Settlement (and so the request counters) completes just after each response.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const response = await testApp.http().get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    return response.text;
  }

  it('counts requests by model, provider and status, with latency and time-to-first-token histograms', async () => {
    const text = await scrape();
    expect(text).toMatch(/apilink_requests_total\{model="openai\/gpt-4o-mini",provider="openai",status="200",outcome="success"\} 1/);
    expect(text).toMatch(
      /apilink_requests_total\{model="google\/gemini-2.5-flash",provider="none",status="503",outcome="upstream_error"\} 1/,
    );
    expect(text).toMatch(/apilink_requests_total\{model="unknown",provider="none",status="404",outcome="rejected"\} 1/);
    expect(text).toMatch(/apilink_request_duration_seconds_count\{model="openai\/gpt-4o-mini",provider="openai",stream="false"\} 1/);
    expect(text).toMatch(/apilink_time_to_first_token_seconds_count\{model="anthropic\/claude-sonnet-4-5",provider="anthropic"\} 1/);
  });

  it('counts upstream errors, tokens and cost', async () => {
    const text = await scrape();
    expect(text).toMatch(/apilink_upstream_errors_total\{provider="google",reason="status_5xx"\} 1/);
    expect(text).toMatch(/apilink_tokens_total\{model="openai\/gpt-4o-mini",provider="openai",kind="prompt"\} 10/);
    expect(text).toMatch(/apilink_tokens_total\{model="openai\/gpt-4o-mini",provider="openai",kind="completion"\} 2/);
    expect(text).toMatch(/apilink_cost_usd_total\{model="openai\/gpt-4o-mini",provider="openai"\} \d/);
  });

  it('reports the event loop delay and counts each stall longer than 200 ms', async () => {
    await scrape(); // the delay gauges report the maximum since the last scrape
    // monitorEventLoopDelay drops its first sample after a reset (each scrape resets it): let it take one.
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The app runs in this process: holding the test's loop holds the app's.
    const end = performance.now() + 300;
    while (performance.now() < end) {
      // busy, as a synchronous computation would be
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const text = await scrape();
    const maxDelay = Number(/^apilink_process_nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(text)?.[1]);
    expect(maxDelay).toBeGreaterThanOrEqual(0.25);
    expect(Number(/^apilink_event_loop_stall_seconds_count (\d+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
  });

  it('never exposes prompt text, API keys or upstream keys', async () => {
    const text = await scrape();
    expect(text).not.toContain(SECRET_PROMPT);
    expect(text).not.toContain(customer.session.apiKey);
    expect(text).not.toContain(mocks.openai.apiKey);
    expect(text).not.toContain('openai/not-a-model');
  });
});

describe('metrics behind a token', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ env: { METRICS_TOKEN: 'scrape-token-0123456789' } });
  });
  afterAll(() => testApp?.close());

  it('requires the bearer token when METRICS_TOKEN is set', async () => {
    await testApp.http().get('/metrics').expect(401);
    await testApp.http().get('/metrics').set('Authorization', 'Bearer wrong-token-000000000').expect(401);
    await testApp.http().get('/metrics').set('Authorization', 'Bearer scrape-token-0123456789').expect(200);
  });
});
