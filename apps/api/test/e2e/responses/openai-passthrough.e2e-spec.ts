/**
 * POST /v1/responses passed through natively to OpenAI (the `responsesApi` quirk of the openai
 * preset), with the official `openai` SDK: the upstream gets the client's body on /responses with
 * only the model id and `store: false` changed; reasoning items with encrypted_content come back and
 * go out again on the next turn; every event is OpenAI's own, schema-valid, with usage.cost added;
 * the money reconciles; failover still works before the first byte. OpenAI-compatible providers
 * without the quirk (DeepSeek here) keep the translation through chat completions.
 */
import { randomUUID } from 'node:crypto';
import { startMockUpstream, type MockUpstream } from '@apilink/mock-upstream';
import { openAiSchemaErrors, responseEventSchemaErrors } from '@apilink/testing';
import OpenAI from 'openai';
import type { ResponseInputItem } from 'openai/resources/responses/responses';
import { billingInvariantViolations } from '../../support/billing-invariants';
import { TestSession } from '../../support/test-session';
import { newCustomer, providerEnv, useGateway, type GatewayFixture } from '../completions/support/gateway-harness';
import { writeRoutesFile } from '../completions/support/routes-file';
import { heldMicros, waitForUsage } from '../completions/support/usage-records';
import { readResponseStream, WEATHER_TOOL } from './support/response-events';

const GPT5 = 'openai/gpt-5';
const ENCRYPTED = ['reasoning.encrypted_content' as const];
// gpt-5: $1.25 input, $0.125 cached input, $10 output per 1M tokens. 400 plain × 1.25 = 500 µ$;
// 600 cached × 0.125 = 75; 198 + 2 reasoning (one per thinking piece) = 200 out × 10 = 2000: 2575 µ$.
const USAGE = { promptTokens: 1000, cachedTokens: 600, completionTokens: 198 };

type Fixture = GatewayFixture & { backup: MockUpstream; deepseek: MockUpstream };

describe('POST /v1/responses passed through to OpenAI', () => {
  let backup: MockUpstream;
  let deepseek: MockUpstream;
  const gw = useGateway({
    env: async (mocks) => {
      [backup, deepseek] = await Promise.all([
        startMockUpstream({ protocol: 'openai', apiKey: 'sk-backup' }),
        startMockUpstream({ protocol: 'openai', apiKey: 'sk-deepseek', basePath: '' }),
      ]);
      Object.assign(gw, { backup, deepseek });
      const routesFile = writeRoutesFile(
        `upstreams:
  backup-openai:
    protocol: openai
    preset: openai
    baseUrl: ${backup.url}
    apiKey: ${backup.apiKey}
routes:
  openai/gpt-5-mini: [openai, backup-openai]
`,
      );
      return { ...providerEnv(mocks), DEEPSEEK_API_KEY: deepseek.apiKey, DEEPSEEK_BASE_URL: deepseek.url, ROUTES_FILE: routesFile };
    },
  }) as Fixture;
  const openai = () => gw.mocks.openai;
  beforeEach(() => {
    backup.reset();
    deepseek.reset();
  });
  afterAll(async () => {
    await backup?.close();
    await deepseek?.close();
  });
  const withId = () => {
    const requestId = `resp-pass-${randomUUID()}`;
    return { requestId, options: { headers: { 'X-Request-Id': requestId } } };
  };

  it('sends the body to /responses with the upstream model and store false, include kept, and answers its Response', async () => {
    openai().enqueueReply({ thinking: 'Plan it', text: 'Hello', chunks: 2, usage: USAGE });
    const { requestId, options } = withId();
    const response = await gw.customer.client.responses.create(
      { model: GPT5, input: 'Hi', instructions: 'Be brief.', include: ENCRYPTED, store: true, reasoning: { effort: 'low' } },
      options,
    );
    const sent = openai().lastRequest!;
    expect(sent.path).toBe('/v1/responses');
    expect(sent.body).toEqual({
      model: 'gpt-5',
      input: 'Hi',
      instructions: 'Be brief.',
      include: ['reasoning.encrypted_content'],
      store: false,
      reasoning: { effort: 'low' },
    });
    expect(openAiSchemaErrors('Response', response)).toEqual([]);
    expect(response).toMatchObject({ id: expect.stringMatching(/^resp_mock/), model: GPT5, store: false, status: 'completed' });
    expect(response.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
    expect(response.output[0]).toMatchObject({ type: 'reasoning', encrypted_content: expect.stringMatching(/^gAAAAA/) });
    expect(response.output_text).toBe('Hello');
    expect(response.usage).toEqual({
      input_tokens: 1000,
      input_tokens_details: { cached_tokens: 600, cache_write_tokens: 0 },
      output_tokens: 200,
      output_tokens_details: { reasoning_tokens: 2 },
      total_tokens: 1200,
      cost: '0.002575',
    });
    expect(await waitForUsage(gw.testApp, requestId)).toMatchObject({
      status: 'success',
      provider: 'openai',
      prompt_tokens: 1000,
      cached_tokens: 600,
      completion_tokens: 200,
      cost_micros: '2575',
      estimated: false,
    });
  });

  it('streams a function-tool round trip, sending the reasoning item with its encrypted_content back', async () => {
    openai().enqueueReply({ thinking: 'Need the weather', toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }], chunks: 2 });
    const {
      events,
      types,
      final: first,
    } = await readResponseStream(
      gw.customer.client.responses.stream({
        model: GPT5,
        input: 'Weather in Oslo?',
        tools: [WEATHER_TOOL],
        include: ENCRYPTED,
        store: false,
      }),
    );
    expect(types).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.output_item.done',
      'response.output_item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.completed',
    ]);
    const models = events.flatMap((event) => ('response' in event ? [event.response.model] : []));
    expect(models).toEqual([GPT5, GPT5, GPT5]);
    expect(first.usage).toMatchObject({ cost: expect.stringMatching(/^0\.\d{6}$/) });
    const reasoning = first.output.find((item) => item.type === 'reasoning');
    const call = first.output.find((item) => item.type === 'function_call');
    if (reasoning?.type !== 'reasoning' || call?.type !== 'function_call') throw new Error('no reasoning item or function call');
    expect(reasoning.encrypted_content).toMatch(/^gAAAAA/);

    openai().enqueueReply({ text: 'It is sunny in Oslo.' });
    const input: ResponseInputItem[] = [
      { role: 'user', content: 'Weather in Oslo?' },
      ...(first.output as ResponseInputItem[]),
      { type: 'function_call_output', call_id: call.call_id, output: '{"sky":"sunny"}' },
    ];
    const second = await readResponseStream(
      gw.customer.client.responses.stream({ model: GPT5, input, tools: [WEATHER_TOOL], include: ENCRYPTED, store: false }),
    );
    expect(second.final.output_text).toBe('It is sunny in Oslo.');
    // The upstream got the reasoning item back untouched: it can carry on from it statelessly.
    const sentInput = (openai().lastRequest!.body as { input: Record<string, unknown>[] }).input;
    expect(sentInput.find((item) => item.type === 'reasoning')).toEqual({
      id: reasoning.id,
      type: 'reasoning',
      summary: [],
      encrypted_content: reasoning.encrypted_content,
    });
  });

  it('passes reasoning summary events through as Codex asks for them (effort, summary auto, encrypted content)', async () => {
    openai().enqueueReply({ thinking: 'Look it up', text: 'Done', chunks: 2 });
    const { types, final } = await readResponseStream(
      gw.customer.client.responses.stream({
        model: GPT5,
        input: 'Go',
        reasoning: { effort: 'medium', summary: 'auto' },
        include: ENCRYPTED,
        store: false,
      }),
    );
    expect(types.filter((type) => type.startsWith('response.reasoning_summary_'))).toEqual([
      'response.reasoning_summary_part.added',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.done',
      'response.reasoning_summary_part.done',
    ]);
    expect(final.output[0]).toMatchObject({ type: 'reasoning', summary: [{ type: 'summary_text', text: 'Look it up' }] });
  });

  it('leaves out a reasoning item returned without encrypted_content when it comes back, instead of a 404 from OpenAI', async () => {
    openai().enqueueReply({ thinking: 'Hmm', text: 'First' });
    const first = await gw.customer.client.responses.create({ model: GPT5, input: 'Hi' });
    expect(first.output[0]).toEqual({ id: expect.stringMatching(/^rs_/), type: 'reasoning', summary: [] });
    openai().enqueueReply({ text: 'Second' });
    const input: ResponseInputItem[] = [
      { role: 'user', content: 'Hi' },
      ...(first.output as ResponseInputItem[]),
      { role: 'user', content: 'More' },
    ];
    const second = await gw.customer.client.responses.create({ model: GPT5, input });
    expect(second.output_text).toBe('Second');
    const sentTypes = (openai().lastRequest!.body as { input: { type?: string; role?: string }[] }).input.map(
      (item) => item.type ?? item.role,
    );
    expect(sentTypes).toEqual(['user', 'message', 'user']);
  });

  it('passes json_schema output through and bills a stream exactly, the cost in response.completed', async () => {
    openai().enqueueReply({ thinking: 'Seven', text: '{"n":7}', chunks: 2, usage: USAGE });
    const { requestId, options } = withId();
    const format = {
      type: 'json_schema' as const,
      name: 'answer',
      schema: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'], additionalProperties: false },
      strict: true,
    };
    const { types, final } = await readResponseStream(
      gw.customer.client.responses.stream({ model: GPT5, input: 'A number', text: { format } }, options),
    );
    expect(JSON.parse(final.output_text)).toEqual({ n: 7 });
    expect((openai().lastRequest!.body as { text: unknown }).text).toEqual({ format });
    expect(types.filter((type) => type === 'response.completed')).toHaveLength(1);
    expect(final.usage).toMatchObject({ output_tokens: 200, cost: '0.002575' });
    expect(await waitForUsage(gw.testApp, requestId)).toMatchObject({ status: 'success', cost_micros: '2575', cached_tokens: 600 });
  });

  it('holds before the upstream call, and answers 402 without calling it when there are no credits', async () => {
    const fresh = await TestSession.create(gw.testApp, { credits: 10_000_000n });
    const held = () => heldMicros(gw.testApp, fresh.user.id);
    expect(await held()).toBe(0n);
    openai().setFault({ kind: 'hang', times: 1 });
    const { requestId, options } = withId();
    const controller = new AbortController();
    const client = new OpenAI({ apiKey: fresh.apiKey, baseURL: `${gw.testApp.url}/v1`, maxRetries: 0 });
    const pending = client.responses
      .create({ model: GPT5, input: 'Hi', max_output_tokens: 1000 }, { ...options, signal: controller.signal })
      .catch(() => undefined);
    // By the time the upstream has the request, at least 1000 × $10/M output is held.
    await openai().waitForRequests(1);
    expect(openai().lastRequest?.path).toBe('/v1/responses');
    expect(await held()).toBeGreaterThanOrEqual(10_000n);
    controller.abort();
    await pending;
    expect(await waitForUsage(gw.testApp, requestId)).toMatchObject({ status: 'client_closed', cost_micros: '0' });

    const broke = await newCustomer(gw.testApp, 0n);
    openai().reset();
    const refused = await gw.testApp.http().post('/v1/responses').set(broke.session.bearer()).send({ model: GPT5, input: 'Hi' });
    expect(refused.status).toBe(402);
    expect(refused.body.error).toMatchObject({ code: 'insufficient_quota' });
    expect(openai().requests).toHaveLength(0);
    expect(await billingInvariantViolations({ userIds: [fresh.user.id] })).toEqual([]);
  });

  it('fails over to the next OpenAI upstream before the first byte', async () => {
    openai().setFault({ kind: 'status', status: 503, times: 1 });
    backup.enqueueReply({ text: 'From the backup' });
    const { events, final } = await readResponseStream(gw.customer.client.responses.stream({ model: 'openai/gpt-5-mini', input: 'Hi' }));
    expect(final.output_text).toBe('From the backup');
    expect(openai().requests.map((request) => [request.path, request.status])).toEqual([['/v1/responses', 503]]);
    expect(backup.lastRequest?.path).toBe('/v1/responses');
    expect(events[0]).toMatchObject({ type: 'response.created', sequence_number: 0 });
  });

  it('ends a stream broken after its first events with response.failed and error, numbered after the upstream', async () => {
    openai().setFault({ kind: 'dropMidStream', afterChunks: 3, times: 1 });
    const response = await gw.testApp
      .http()
      .post('/v1/responses')
      .set(gw.customer.session.bearer())
      .send({ model: GPT5, input: 'Hi', stream: true });
    const events = String(response.text)
      .split('\n\n')
      .filter((block) => block.includes('data: '))
      .map((block) => JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { type: string; sequence_number: number });
    for (const event of events) expect(responseEventSchemaErrors(event)).toEqual([]);
    expect(events.map((event) => [event.type, event.sequence_number])).toEqual([
      ['response.created', 0],
      ['response.in_progress', 1],
      ['response.output_item.added', 2],
      ['response.failed', 3],
      ['error', 4],
    ]);
    expect(events[3]).toMatchObject({ response: { id: expect.stringMatching(/^resp_mock/), status: 'failed' } });
  });

  it('keeps translating through chat completions for OpenAI-compatible providers without the Responses API', async () => {
    deepseek.enqueueReply({ text: 'Translated', usage: { promptTokens: 10, completionTokens: 2 } });
    const response = await gw.customer.client.responses.create({ model: 'deepseek/deepseek-chat', input: 'Hi', include: ENCRYPTED });
    expect(openAiSchemaErrors('Response', response)).toEqual([]);
    expect(response.output_text).toBe('Translated');
    expect(deepseek.requests.map((request) => request.path)).toEqual(['/chat/completions']);
    expect(openai().requests).toHaveLength(0);
  });

  it('keeps the books balanced and never called an upstream without a hold', async () => {
    const requests = [gw.mocks.openai, gw.mocks.anthropic, gw.mocks.gemini, backup, deepseek].reduce(
      (sum, mock) => sum + mock.requests.length,
      0,
    );
    expect(await billingInvariantViolations({ userIds: [gw.customer.session.user.id], upstream: { requests, maxAttempts: 3 } })).toEqual(
      [],
    );
  });
});
