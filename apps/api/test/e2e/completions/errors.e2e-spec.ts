/** Every error of POST /v1/chat/completions, in OpenAI's envelope, and which of them reach an upstream. */
import { openAiSchemaErrors } from '@apilink/testing';
import { newCustomer, providerEnv, useGateway } from './support/gateway-harness';

const HELLO = [{ role: 'user' as const, content: 'Hello' }];

describe('chat completion errors', () => {
  const gw = useGateway();
  const post = (body: unknown, key = gw.customer.session.apiKey) =>
    gw.testApp
      .http()
      .post('/v1/chat/completions')
      .set('Authorization', `Bearer ${key}`)
      .send(body as object);
  const upstreamRequests = () => gw.mocks.openai.requests.length + gw.mocks.anthropic.requests.length + gw.mocks.gemini.requests.length;

  function expectEnvelope(response: { body: unknown; headers: Record<string, string> }, fields: Record<string, unknown>): void {
    expect(openAiSchemaErrors('ErrorResponse', response.body)).toEqual([]);
    expect((response.body as { error: unknown }).error).toMatchObject({ ...fields, request_id: response.headers['x-request-id'] });
  }

  describe('invalid bodies: 400 naming the field, no upstream call', () => {
    it.each([
      ['messages is missing', { model: 'openai/gpt-4o-mini' }, 'messages'],
      ['messages is empty', { model: 'openai/gpt-4o-mini', messages: [] }, 'messages'],
      ['a role is unknown', { model: 'openai/gpt-4o-mini', messages: [{ role: 'wizard', content: 'hi' }] }, 'messages.0.role'],
      [
        'a content part type is unsupported',
        { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: {} }] }] },
        'messages.0.content',
      ],
      [
        'a tool message has no tool_call_id',
        { model: 'openai/gpt-4o-mini', messages: [{ role: 'tool', content: 'x' }] },
        'messages.0.tool_call_id',
      ],
      ['temperature is out of range', { model: 'openai/gpt-4o-mini', messages: HELLO, temperature: 3 }, 'temperature'],
      ['max_tokens is not a positive integer', { model: 'openai/gpt-4o-mini', messages: HELLO, max_tokens: 0 }, 'max_tokens'],
      ['stop has too many sequences', { model: 'openai/gpt-4o-mini', messages: HELLO, stop: ['a', 'b', 'c', 'd', 'e'] }, 'stop'],
      [
        'a tool has no valid name',
        { model: 'openai/gpt-4o-mini', messages: HELLO, tools: [{ type: 'function', function: { name: 'bad name!' } }] },
        'tools.0.function.name',
      ],
      ['an unknown parameter is sent', { model: 'openai/gpt-4o-mini', messages: HELLO, frobnicate: true }, 'frobnicate'],
      ['model is missing', { messages: HELLO }, 'model'],
    ])('when %s', async (_case, body, param) => {
      const response = await post(body).expect(400);
      expectEnvelope(response, { type: 'invalid_request_error', param });
      expect(upstreamRequests()).toBe(0);
    });
  });

  it('answers an unknown model with 404 model_not_found', async () => {
    const response = await post({ model: 'openai/gpt-does-not-exist', messages: HELLO }).expect(404);
    expectEnvelope(response, { type: 'invalid_request_error', code: 'model_not_found', param: 'model' });
    // With upstreams configured the demo model is off, so the hint names only the list.
    expect(response.body.error.message).toBe('model not found or not active: openai/gpt-does-not-exist. GET /v1/models lists the active models');
  });

  it('answers a catalog model whose provider is not configured with 404 model_not_found', async () => {
    const response = await post({ model: 'mistral/mistral-large-latest', messages: HELLO }).expect(404);
    expectEnvelope(response, { code: 'model_not_found' });
    expect(upstreamRequests()).toBe(0);
  });

  it('refuses a prompt over the context window with 400 context_length_exceeded before any upstream call', async () => {
    const long = 'lorem ipsum dolor sit amet '.repeat(2000); // ≈ 10k tokens; gpt-4 has 8,192
    const response = await post({ model: 'openai/gpt-4', messages: [{ role: 'user', content: long }] }).expect(400);
    expectEnvelope(response, { type: 'invalid_request_error', code: 'context_length_exceeded', param: 'messages' });
    expect(response.body.error.message).toMatch(/maximum context length is 8192 tokens/);
    expect(upstreamRequests()).toBe(0);
  });

  it('counts the requested output against the context window too', async () => {
    const prompt = 'lorem ipsum dolor sit amet '.repeat(1000); // ≈ 5k tokens
    await post({ model: 'openai/gpt-4', messages: [{ role: 'user', content: prompt }], max_tokens: 4000 }).expect(400);
    expect(upstreamRequests()).toBe(0);
  });

  it('refuses max_tokens above the model output cap, naming the parameter', async () => {
    const response = await post({ model: 'openai/gpt-4o-mini', messages: HELLO, max_completion_tokens: 1_000_000 }).expect(400);
    expectEnvelope(response, { param: 'max_completion_tokens' });
  });

  it('refuses images for a text-only model, naming the message', async () => {
    const response = await post({
      model: 'openai/gpt-3.5-turbo',
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] }],
    }).expect(400);
    expectEnvelope(response, { param: 'messages.0.content' });
  });

  it("names a parameter the model's upstream cannot honour instead of dropping it", async () => {
    const response = await post({ model: 'anthropic/claude-sonnet-4-5', messages: HELLO, logprobs: true }).expect(400);
    expectEnvelope(response, { type: 'invalid_request_error', code: 'unsupported_parameter', param: 'logprobs' });
    expect(upstreamRequests()).toBe(0);
  });

  it("passes an upstream 4xx on as a 400 with the upstream's message, without retrying", async () => {
    // OpenAI (and its mock) refuse tool_choice without tools.
    const response = await post({ model: 'openai/gpt-4o-mini', messages: HELLO, tool_choice: 'auto' }).expect(400);
    expectEnvelope(response, { type: 'invalid_request_error' });
    expect(response.body.error.message).toMatch(/tool_choice/);
    expect(gw.mocks.openai.requests).toHaveLength(1);
  });

  it('answers 503 api_error when every upstream fails', async () => {
    gw.mocks.openai.setFault({ kind: 'status', status: 500 });
    const response = await post({ model: 'openai/gpt-4o-mini', messages: HELLO }).expect(503);
    expectEnvelope(response, { type: 'api_error', message: 'All upstream providers unavailable, retry shortly' });
    expect(response.headers['retry-after']).toBeDefined();
  });

  it('rejects a missing or wrong API key with 401 before anything else', async () => {
    await gw.testApp.http().post('/v1/chat/completions').send({ model: 'openai/gpt-4o-mini', messages: HELLO }).expect(401);
    await post({ model: 'openai/gpt-4o-mini', messages: HELLO }, 'al-not-a-real-key').expect(401);
    expect(upstreamRequests()).toBe(0);
  });

  it('answers 402 insufficient_quota before calling the upstream when the balance is below the estimate', async () => {
    const broke = await newCustomer(gw.testApp, 0n);
    const response = await post({ model: 'openai/gpt-4o-mini', messages: HELLO }, broke.session.apiKey).expect(402);
    expectEnvelope(response, { code: 'insufficient_quota' });
    expect(upstreamRequests()).toBe(0);
  });

  it('ends a stream that breaks mid-way with an in-band error event and no [DONE]', async () => {
    gw.mocks.openai.setFault({ kind: 'dropMidStream', afterChunks: 3, times: 1 });
    const response = await post({ model: 'openai/gpt-4o-mini', messages: HELLO, stream: true }).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = response.text.split('\n\n').filter((event) => event.startsWith('data: '));
    const last = JSON.parse(events[events.length - 1].slice(6));
    expect(last.error).toMatchObject({ type: 'api_error', code: 'upstream_error', request_id: response.headers['x-request-id'] });
    expect(events.some((event) => event === 'data: [DONE]')).toBe(false);
    expect(events.length).toBeGreaterThan(1);
    // Never retried once the stream had started.
    expect(gw.mocks.openai.requests).toHaveLength(1);
  });

  it('the SDK surfaces the in-band error as an exception', async () => {
    gw.mocks.anthropic.setFault({ kind: 'dropMidStream', afterChunks: 4, times: 1 });
    const stream = await gw.customer.client.chat.completions.create({
      model: 'anthropic/claude-sonnet-4-5',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    await expect(
      (async () => {
        for await (const _chunk of stream) void _chunk;
      })(),
    ).rejects.toThrow(/upstream/i);
  });
});

describe('the whole-request timeout', () => {
  const gw = useGateway({ env: (mocks) => ({ ...providerEnv(mocks), REQUEST_TIMEOUT_MS: '1000' }) });

  it('stops a hanging upstream after REQUEST_TIMEOUT_MS with a 504 and cancels the upstream request', async () => {
    // A first request warms the tokenizer and pools, so the timing below is the timeout's alone.
    await gw.customer.client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: HELLO });
    gw.mocks.openai.reset();
    gw.mocks.openai.setFault({ kind: 'hang', times: 1 });
    const started = Date.now();
    const response = await gw.testApp
      .http()
      .post('/v1/chat/completions')
      .set(gw.customer.session.bearer())
      .send({ model: 'openai/gpt-4o-mini', messages: HELLO })
      .expect(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(response.body.error).toMatchObject({ type: 'api_error', code: 'timeout' });
    await gw.mocks.openai.waitForAbort(2000);
  });
});
