/**
 * POST /v1/responses with the official `openai` SDK against the mock upstreams of all three
 * protocols: responses.create and responses.stream, a function-tool round trip, json_schema output,
 * every answer and streamed event checked against OpenAI's published schemas, and the money.
 */
import { randomUUID } from 'node:crypto';
import { openAiSchemaErrors, responseEventSchemaErrors } from '@apilink/testing';
import type { ResponseInputItem } from 'openai/resources/responses/responses';
import { billingInvariantViolations } from '../../support/billing-invariants';
import { newCustomer, useGateway } from '../completions/support/gateway-harness';
import { waitForUsage } from '../completions/support/usage-records';
import { readResponseStream, WEATHER_TOOL } from './support/response-events';

const ANSWER_SCHEMA = {
  type: 'json_schema' as const,
  name: 'answer',
  schema: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'], additionalProperties: false },
  strict: true,
};

const UPSTREAMS = [
  { protocol: 'openai', model: 'openai/gpt-4o-mini' },
  { protocol: 'anthropic', model: 'anthropic/claude-sonnet-4-5' },
  { protocol: 'gemini', model: 'google/gemini-2.5-flash' },
] as const;

describe('POST /v1/responses', () => {
  const gw = useGateway();
  const mock = (protocol: (typeof UPSTREAMS)[number]['protocol']) => gw.mocks[protocol];
  const upstreamRequests = () => gw.mocks.openai.requests.length + gw.mocks.anthropic.requests.length + gw.mocks.gemini.requests.length;

  describe.each(UPSTREAMS)('through a $protocol upstream', ({ protocol, model }) => {
    it('answers responses.create with a Response (schema-valid, store false, usage with cost) equal to the usage row', async () => {
      mock(protocol).enqueueReply({ text: 'Hello from the gateway', usage: { promptTokens: 40, completionTokens: 6 } });
      const requestId = `resp-${randomUUID()}`;
      const { data: response } = await gw.customer.client.responses
        .create(
          { model, instructions: 'Be brief.', input: 'Hi', store: true, metadata: { ticket: '42' } },
          { headers: { 'X-Request-Id': requestId } },
        )
        .withResponse();
      expect(openAiSchemaErrors('Response', response)).toEqual([]);
      expect(response).toMatchObject({ object: 'response', status: 'completed', model, store: false, metadata: { ticket: '42' } });
      expect(response.output_text).toBe('Hello from the gateway');
      expect(response.usage).toMatchObject({ input_tokens: 40, output_tokens: 6, total_tokens: 46 });
      const row = await waitForUsage(gw.testApp, requestId);
      expect(row).toMatchObject({ status: 'success', prompt_tokens: 40, completion_tokens: 6, estimated: false });
      expect((response.usage as unknown as { cost: string }).cost).toBe(`0.${row.cost_micros.padStart(6, '0')}`);
    });

    it('completes a function-tool round trip with responses.stream, every event schema-valid and numbered', async () => {
      mock(protocol).enqueueReply({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] });
      const {
        events,
        types,
        final: first,
      } = await readResponseStream(gw.customer.client.responses.stream({ model, input: 'Weather in Oslo?', tools: [WEATHER_TOOL] }));
      expect(types).toEqual([
        'response.created',
        'response.in_progress',
        'response.output_item.added',
        ...events
          .filter((event) => event.type === 'response.function_call_arguments.delta')
          .map(() => 'response.function_call_arguments.delta'),
        'response.function_call_arguments.done',
        'response.output_item.done',
        'response.completed',
      ]);
      const call = first.output.find((item) => item.type === 'function_call');
      expect(call).toMatchObject({ type: 'function_call', name: 'get_weather' });
      if (call?.type !== 'function_call') throw new Error('no function call');
      expect(JSON.parse(call.arguments)).toEqual({ city: 'Oslo' });

      mock(protocol).enqueueReply({ text: 'It is sunny in Oslo.' });
      const input: ResponseInputItem[] = [
        { role: 'user', content: 'Weather in Oslo?' },
        { type: 'function_call', call_id: call.call_id, name: call.name, arguments: call.arguments },
        { type: 'function_call_output', call_id: call.call_id, output: '{"sky":"sunny"}' },
      ];
      const textEvents: string[] = [];
      const second = gw.customer.client.responses.stream({ model, input, tools: [WEATHER_TOOL] });
      for await (const event of second) {
        expect(responseEventSchemaErrors(event)).toEqual([]);
        textEvents.push(event.type);
      }
      const final = await second.finalResponse();
      expect(final.output_text).toBe('It is sunny in Oslo.');
      expect(textEvents.slice(0, 4)).toEqual([
        'response.created',
        'response.in_progress',
        'response.output_item.added',
        'response.content_part.added',
      ]);
      expect(textEvents.slice(-4)).toEqual([
        'response.output_text.done',
        'response.content_part.done',
        'response.output_item.done',
        'response.completed',
      ]);
      // The tool result reached the upstream in its own protocol's form.
      expect(JSON.stringify(mock(protocol).lastRequest?.body)).toContain('sunny');
    });

    if (protocol === 'anthropic') {
      it('refuses json_schema output with a 400 naming text.format (Anthropic has no JSON mode)', async () => {
        const response = await gw.testApp
          .http()
          .post('/v1/responses')
          .set(gw.customer.session.bearer())
          .send({ model, input: 'A number', text: { format: ANSWER_SCHEMA } });
        expect(response.status).toBe(400);
        expect(response.body.error).toMatchObject({ type: 'invalid_request_error', param: 'text.format' });
      });
    } else {
      it('asks the upstream for json_schema output from text.format', async () => {
        mock(protocol).enqueueReply({ text: '{"n":7}' });
        const response = await gw.customer.client.responses.create({ model, input: 'A number', text: { format: ANSWER_SCHEMA } });
        expect(JSON.parse(response.output_text)).toEqual({ n: 7 });
        const sent = JSON.stringify(mock(protocol).lastRequest?.body);
        expect(sent).toContain(protocol === 'gemini' ? '"responseMimeType":"application/json"' : '"json_schema"');
      });
    }
  });

  it.each([
    ['previous_response_id', { previous_response_id: 'resp_123' }, 'previous_response_id', 'send the full input'],
    ['a built-in tool', { tools: [{ type: 'web_search' }] }, 'tools.0.type', 'define a function tool'],
    ['an item reference', { input: [{ type: 'item_reference', id: 'msg_1' }] }, 'input.0.type', 'send the items'],
  ])('refuses %s with a 400 that names it and says what to do instead', async (_case, extra, param, advice) => {
    const response = await gw.testApp
      .http()
      .post('/v1/responses')
      .set(gw.customer.session.bearer())
      .send({ model: 'openai/gpt-4o-mini', input: 'Hi', ...extra });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: 'invalid_request_error', param });
    expect(response.body.error.message).toContain(advice);
    expect(upstreamRequests()).toBe(0);
  });

  it('answers 402 before any upstream call when there are no credits', async () => {
    const broke = await newCustomer(gw.testApp, 0n);
    const response = await gw.testApp
      .http()
      .post('/v1/responses')
      .set(broke.session.bearer())
      .send({ model: 'openai/gpt-4o-mini', input: 'Hi' });
    expect(response.status).toBe(402);
    expect(response.body.error).toMatchObject({ code: 'insufficient_quota' });
    expect(upstreamRequests()).toBe(0);
  });

  it('ends a stream the upstream broke with response.failed and error events', async () => {
    gw.mocks.openai.setFault({ kind: 'dropMidStream', afterChunks: 3, times: 1 });
    const response = await gw.testApp
      .http()
      .post('/v1/responses')
      .set(gw.customer.session.bearer())
      .send({ model: 'openai/gpt-4o-mini', input: 'Hi', stream: true });
    const names = [...String(response.text).matchAll(/^event: (.+)$/gm)].map((match) => match[1]);
    expect(names.slice(-2)).toEqual(['response.failed', 'error']);
    for (const block of String(response.text).split('\n\n').filter(Boolean)) {
      const data = JSON.parse(block.slice(block.indexOf('data: ') + 6));
      expect(responseEventSchemaErrors(data)).toEqual([]);
    }
  });

  it('keeps the books balanced and never called an upstream without a hold', async () => {
    expect(
      await billingInvariantViolations({
        userIds: [gw.customer.session.user.id],
        upstream: { requests: upstreamRequests(), maxAttempts: 3 },
      }),
    ).toEqual([]);
  });
});
