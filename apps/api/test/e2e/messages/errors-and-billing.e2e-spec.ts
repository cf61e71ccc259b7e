/**
 * /v1/messages on the wire and in the books: Anthropic's error envelope and types (with
 * `request-id`), `event: ping` while the upstream is silent, `event: error` once the stream has
 * started, a hold before every upstream call, 402 without credits, and exact settlement including
 * Anthropic's cache read and write prices, shown to the client as usage.cost.
 */
import { randomUUID } from 'node:crypto';
import Anthropic, { APIError } from '@anthropic-ai/sdk';
import { request } from 'undici';
import { billingInvariantViolations } from '../../support/billing-invariants';
import { TestSession } from '../../support/test-session';
import { providerEnv, useGateway } from '../completions/support/gateway-harness';
import { heldMicros, waitForUsage } from '../completions/support/usage-records';
import { anthropicClient } from './support/anthropic-client';

const SONNET = 'anthropic/claude-sonnet-4-5';

describe('/v1/messages errors, streaming edges and billing', () => {
  const gw = useGateway({ env: (mocks) => ({ ...providerEnv(mocks), SSE_KEEPALIVE_INTERVAL_MS: '100' }) });
  let client: Anthropic;
  beforeAll(() => {
    client = anthropicClient(gw.testApp, gw.customer.session.apiKey);
  });
  const withId = () => {
    const requestId = `msg-${randomUUID()}`;
    return { requestId, options: { headers: { 'X-Request-Id': requestId } } };
  };

  /** A streamed /v1/messages request read frame by frame: `event:` name and parsed data. */
  async function streamRaw(body: object, signal?: AbortSignal): Promise<{ name: string; data: Record<string, unknown> }[]> {
    const response = await request(`${gw.testApp.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': gw.customer.session.apiKey, 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ max_tokens: 100, ...body, stream: true }),
      signal,
    });
    expect(response.statusCode).toBe(200);
    const text = await response.body.text();
    return text
      .split('\n\n')
      .filter((frame) => frame.trim() !== '')
      .map((frame) => {
        const [eventLine, dataLine] = frame.split('\n');
        return { name: eventLine.replace(/^event: /, ''), data: JSON.parse(dataLine.replace(/^data: /, '')) };
      });
  }

  describe("errors in Anthropic's envelope", () => {
    async function rejection(promise: Promise<unknown>): Promise<APIError> {
      const error = await promise.then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(Anthropic.APIError);
      return error as APIError;
    }

    it('401 authentication_error for an unknown key, with request-id', async () => {
      const stranger = anthropicClient(gw.testApp, `al-${'x'.repeat(43)}`);
      const error = await rejection(
        stranger.messages.create({ model: SONNET, max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] }),
      );
      expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
      expect(error.error).toMatchObject({
        type: 'error',
        error: { type: 'authentication_error', message: expect.stringMatching(/Incorrect API key/) },
      });
      expect(error.requestID).toBeTruthy();
      expect(error.headers?.get('x-request-id')).toBe(error.requestID);
    });

    it('401 when no key is sent at all', async () => {
      const response = await fetch(`${gw.testApp.url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        type: 'error',
        error: { type: 'authentication_error', message: expect.stringMatching(/x-api-key/) },
      });
    });

    it.each([
      [{ temperature: 1.5 }, /temperature must not be greater than 1/],
      [{ messages: [{ role: 'system', content: 'x' }] }, /messages\.0\.role must be one of: user, assistant/],
      [{ messages: [{ role: 'user', content: [{ type: 'video', url: 'x' }] }] }, /messages\.0\.content\.0\.type must be one of/],
      [{ tool_choice: { type: 'sometimes' } }, /tool_choice\.type must be one of: auto, any, tool, none/],
      [{ thinking: { type: 'enabled', budget_tokens: 100 } }, /thinking\.budget_tokens must not be less than 1024/],
      [{ max_tokens: 2000, thinking: { type: 'enabled', budget_tokens: 4000 } }, /budget_tokens must be less than max_tokens/],
    ])('400 invalid_request_error naming the field (%j)', async (patch, message) => {
      const error = await rejection(
        client.messages.create({ model: SONNET, max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }], ...patch } as never),
      );
      expect(error).toBeInstanceOf(Anthropic.BadRequestError);
      expect(error.error).toMatchObject({
        type: 'error',
        error: { type: 'invalid_request_error', message: expect.stringMatching(message) },
      });
      expect(gw.mocks.anthropic.requests).toHaveLength(0);
    });

    it('404 not_found_error for an unknown model, on messages and count_tokens', async () => {
      const error = await rejection(
        client.messages.create({ model: 'nobody/no-model', max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] }),
      );
      expect(error).toBeInstanceOf(Anthropic.NotFoundError);
      expect(error.error).toMatchObject({ error: { type: 'not_found_error' } });
      const counted = await rejection(
        client.messages.countTokens({ model: 'nobody/no-model', messages: [{ role: 'user', content: 'Hi' }] }),
      );
      expect(counted.status).toBe(404);
    });

    it('402 billing_error with the recharge link when the account has no credits, before any upstream call', async () => {
      const broke = await TestSession.create(gw.testApp, { credits: 0n });
      const error = await rejection(
        anthropicClient(gw.testApp, broke.apiKey).messages.create({
          model: SONNET,
          max_tokens: 10,
          messages: [{ role: 'user', content: 'Hi' }],
        }),
      );
      expect(error.status).toBe(402);
      expect(error.error).toMatchObject({
        error: { type: 'billing_error', message: expect.stringMatching(/Insufficient balance\. Recharge at http.*\/credits/) },
      });
      expect(gw.mocks.anthropic.requests).toHaveLength(0);
    });

    it("429 rate_limit_error with retry-after past the key's requests per minute", async () => {
      const limited = await TestSession.create(gw.testApp, { rpm: 1, credits: 1_000_000n });
      const limitedClient = anthropicClient(gw.testApp, limited.apiKey);
      await limitedClient.messages.countTokens({ model: SONNET, messages: [{ role: 'user', content: 'Hi' }] });
      const error = await rejection(limitedClient.messages.countTokens({ model: SONNET, messages: [{ role: 'user', content: 'Hi' }] }));
      expect(error).toBeInstanceOf(Anthropic.RateLimitError);
      expect(error.error).toMatchObject({ error: { type: 'rate_limit_error' } });
      expect(error.headers?.get('retry-after')).toBeTruthy();
    });

    it('overloaded_error (503) when every upstream is overloaded (Anthropic 529)', async () => {
      gw.mocks.anthropic.setFault({ kind: 'status', status: 529 });
      try {
        const error = await rejection(
          client.messages.create({ model: SONNET, max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] }),
        );
        expect(error.status).toBe(503);
        expect(error.error).toMatchObject({ error: { type: 'overloaded_error' } });
      } finally {
        gw.mocks.anthropic.clearFault();
      }
    });

    it("keeps OpenAI's envelope on the chat route", async () => {
      const response = await fetch(`${gw.testApp.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': gw.customer.session.apiKey },
        body: JSON.stringify({ model: 'nobody/no-model', messages: [{ role: 'user', content: 'Hi' }] }),
      });
      expect(response.status).toBe(404);
      const body = (await response.json()) as { type?: string; error: object };
      expect(body.type).toBeUndefined();
      expect(body.error).toMatchObject({ code: 'model_not_found', request_id: response.headers.get('x-request-id') });
      expect(response.headers.get('request-id')).toBeNull();
    });
  });

  describe('streaming edges', () => {
    it('sends `event: ping` while the upstream is silent, then the whole event sequence', async () => {
      gw.mocks.openai.setFault({ kind: 'slowFirstByte', ms: 550, times: 1 });
      gw.mocks.openai.enqueueReply({ text: 'worth the wait' });
      const events = await streamRaw({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
      const start = events.findIndex((event) => event.name === 'message_start');
      expect(events.slice(0, start).filter((event) => event.name === 'ping' && event.data.type === 'ping').length).toBeGreaterThanOrEqual(
        3,
      );
      expect(events.at(-1)?.name).toBe('message_stop');
      const text = events.map((event) => (event.data.delta as { text?: string } | undefined)?.text ?? '').join('');
      expect(text).toBe('worth the wait');
      expect(events.every((event) => event.name === event.data.type)).toBe(true);
    });

    it.each(['openai/gpt-4o-mini', SONNET])('ends a stream the upstream broke with `event: error` (%s)', async (model) => {
      const mock = model === SONNET ? gw.mocks.anthropic : gw.mocks.openai;
      mock.setFault({ kind: 'dropMidStream', afterChunks: 4, times: 1 });
      mock.enqueueReply({ text: 'this answer will be cut off before it ends', chunks: 10 });
      const events = await streamRaw({ model, messages: [{ role: 'user', content: 'Hi' }] });
      expect(events[0].name).toBe('message_start');
      expect(events.at(-1)).toMatchObject({
        name: 'error',
        data: { type: 'error', error: { type: 'api_error', message: expect.any(String) } },
      });
      expect(events.some((event) => event.name === 'message_stop')).toBe(false);

      mock.setFault({ kind: 'dropMidStream', afterChunks: 4, times: 1 });
      mock.enqueueReply({ text: 'this answer will be cut off before it ends', chunks: 10 });
      const stream = client.messages.stream({ model, max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] });
      await expect(stream.finalMessage()).rejects.toBeInstanceOf(Anthropic.APIError);
    });
  });

  describe('billing', () => {
    it('holds before the upstream call and releases the hold when the client leaves before any token', async () => {
      // A fresh account, so nothing is held for it yet (neither a request hold nor a credit lease).
      const fresh = await TestSession.create(gw.testApp, { credits: 10_000_000n });
      const held = () => heldMicros(gw.testApp, fresh.user.id);
      expect(await held()).toBe(0n);
      gw.mocks.anthropic.setFault({ kind: 'hang', times: 1 });
      const { requestId, options } = withId();
      const controller = new AbortController();
      const pending = anthropicClient(gw.testApp, fresh.apiKey)
        .messages.create(
          { model: SONNET, max_tokens: 1000, messages: [{ role: 'user', content: 'Hi' }] },
          { ...options, signal: controller.signal },
        )
        .catch(() => undefined);
      // By the time the upstream has the request, money covering prompt + 1000 × $15/M output is held
      // (a request hold in PostgreSQL, or the credit lease it was carved from).
      await gw.mocks.anthropic.waitForRequests(1);
      expect(await held()).toBeGreaterThanOrEqual(15_000n);
      controller.abort();
      await pending;
      expect(await waitForUsage(gw.testApp, requestId)).toMatchObject({ status: 'client_closed', cost_micros: '0' });
      expect(await billingInvariantViolations({ userIds: [fresh.user.id] })).toEqual([]);
    });

    // claude-sonnet-4-5: $3 input, $0.30 cache read, $3.75 cache write, $15 output per 1M tokens.
    // 300 plain × 3 = 900 µ$; 600 read × 0.3 = 180; 100 written × 3.75 = 375; 200 out × 15 = 3000: 4455 µ$.
    const CACHE_USAGE = { promptTokens: 1000, cachedTokens: 600, cacheCreationTokens: 100, completionTokens: 200 };

    it('bills Anthropic cache reads and writes at their prices and shows the same cost in usage.cost', async () => {
      gw.mocks.anthropic.enqueueReply({ text: 'cached answer', usage: CACHE_USAGE });
      const { requestId, options } = withId();
      const message = await client.messages.create(
        { model: SONNET, max_tokens: 1000, messages: [{ role: 'user', content: 'Hi' }] },
        options,
      );
      expect(message.usage).toMatchObject({
        input_tokens: 300,
        cache_read_input_tokens: 600,
        cache_creation_input_tokens: 100,
        output_tokens: 200,
        cost: '0.004455',
      });
      expect(await waitForUsage(gw.testApp, requestId)).toMatchObject({
        status: 'success',
        provider: 'anthropic',
        prompt_tokens: 1000,
        cached_tokens: 600,
        completion_tokens: 200,
        cost_micros: '4455',
        estimated: false,
      });
    });

    it('bills a passed-through stream the same, with the cost in message_delta', async () => {
      gw.mocks.anthropic.enqueueReply({ text: 'cached answer', usage: CACHE_USAGE });
      const { requestId, options } = withId();
      const stream = client.messages.stream({ model: SONNET, max_tokens: 1000, messages: [{ role: 'user', content: 'Hi' }] }, options);
      const deltas: Anthropic.MessageDeltaUsage[] = [];
      stream.on('streamEvent', (event) => {
        if (event.type === 'message_delta') deltas.push(event.usage);
      });
      await stream.finalMessage();
      expect(deltas).toEqual([expect.objectContaining({ output_tokens: 200, cache_read_input_tokens: 600, cost: '0.004455' })]);
      expect(await waitForUsage(gw.testApp, requestId)).toMatchObject({ status: 'success', cost_micros: '4455', cached_tokens: 600 });
    });

    it("bills a translated request at the model's price: gpt-4o-mini, 1000 in + 500 out = 450 µ$", async () => {
      gw.mocks.openai.enqueueReply({ text: 'priced', usage: { promptTokens: 1000, completionTokens: 500 } });
      const { requestId, options } = withId();
      const stream = client.messages.stream(
        { model: 'openai/gpt-4o-mini', max_tokens: 1000, messages: [{ role: 'user', content: 'Hi' }] },
        options,
      );
      const deltas: Anthropic.MessageDeltaUsage[] = [];
      stream.on('streamEvent', (event) => {
        if (event.type === 'message_delta') deltas.push(event.usage);
      });
      await stream.finalMessage();
      expect(deltas).toEqual([expect.objectContaining({ input_tokens: 1000, output_tokens: 500, cost: '0.000450' })]);
      expect(await waitForUsage(gw.testApp, requestId)).toMatchObject({
        status: 'success',
        prompt_tokens: 1000,
        completion_tokens: 500,
        cost_micros: '450',
      });
    });

    it('counts the output it delivered when the upstream reports no usage, and shows that cost', async () => {
      gw.mocks.openai.enqueueReply({ text: 'no usage reported here', omitUsage: true });
      const { requestId, options } = withId();
      const message = await client.messages.create(
        { model: 'openai/gpt-4o-mini', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] },
        options,
      );
      const usage = await waitForUsage(gw.testApp, requestId);
      expect(usage).toMatchObject({ status: 'success', estimated: true });
      expect(message.usage.output_tokens).toBe(usage.completion_tokens);
      expect((message.usage as unknown as { cost: string }).cost).toBe(`0.${usage.cost_micros.padStart(6, '0')}`);
    });

    it('keeps the books balanced and never called an upstream without a hold', async () => {
      const upstreamRequests = gw.mocks.openai.requests.length + gw.mocks.anthropic.requests.length + gw.mocks.gemini.requests.length;
      expect(
        await billingInvariantViolations({
          userIds: [gw.customer.session.user.id],
          upstream: { requests: upstreamRequests, maxAttempts: 3 },
        }),
      ).toEqual([]);
    });
  });
});
