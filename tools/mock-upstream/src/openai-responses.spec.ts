import { openAiSchemaErrors, responseEventSchemaErrors } from '@apilink/testing';
import { type MockUpstream, startMockUpstream } from './mock-upstream';
import { mockEncryptedReasoning } from './protocols/openai-responses';
import { authHeaders, parseSse, postJson } from './spec-helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions walk wire payloads freely
type Json = Record<string, any>;

const WEATHER = {
  type: 'function',
  name: 'get_weather',
  description: 'Weather by city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  strict: true,
};

describe('OpenAI mock upstream: the Responses API', () => {
  let mock: MockUpstream;
  const post = (body: Json) => postJson(`${mock.url}/responses`, { model: 'gpt-5', ...body }, authHeaders(mock));

  beforeAll(async () => {
    mock = await startMockUpstream({ protocol: 'openai', apiKey: 'sk-test-0123456789abcdef' });
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());

  async function streamEvents(body: Json): Promise<Json[]> {
    const res = await post({ ...body, stream: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const frames = parseSse(await res.text());
    // Every frame names its type, as OpenAI's do, and there is no [DONE].
    const events = frames.map((frame) => ({ name: frame.event, data: JSON.parse(frame.data) as Json }));
    for (const { name, data } of events) expect(name).toBe(data.type);
    return events.map((event) => event.data);
  }

  it('answers a Response object that matches the published schema, with usage', async () => {
    mock.enqueueReply({ text: 'Hello there', usage: { promptTokens: 30, completionTokens: 4, cachedTokens: 10 } });
    const res = await post({ input: 'Hi', instructions: 'Be brief.', metadata: { a: 'b' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(openAiSchemaErrors('Response', body)).toEqual([]);
    expect(body).toMatchObject({
      object: 'response',
      status: 'completed',
      model: 'gpt-5',
      instructions: 'Be brief.',
      store: true,
      metadata: { a: 'b' },
      output: [{ type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Hello there' }] }],
      usage: { input_tokens: 30, input_tokens_details: { cached_tokens: 10 }, output_tokens: 4, total_tokens: 34 },
    });
  });

  it('streams the full event sequence, numbered from 0, every event schema-valid', async () => {
    mock.enqueueReply({ text: 'One two three', chunks: 3 });
    const events = await streamEvents({ input: 'Count' });
    for (const event of events) expect(responseEventSchemaErrors(event)).toEqual([]);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
    expect(events.map((event) => event.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events[0].response).toMatchObject({ status: 'in_progress', output: [] });
    expect(events[0].response.usage).toBeUndefined();
    expect(events.at(-1)?.response.output[0].content[0].text).toBe('One two three');
    expect(events.at(-1)?.response.usage.output_tokens).toBe(3);
  });

  it('leads with a reasoning item whose encrypted_content comes only when include asks for it', async () => {
    mock.enqueueReply({ thinking: 'Let me think', text: 'Done', chunks: 2 });
    const plain = await streamEvents({ input: 'Think', store: false });
    const plainDone = plain.find((event) => event.type === 'response.output_item.done' && event.item.type === 'reasoning');
    expect(plainDone?.item).toEqual({ id: expect.stringMatching(/^rs_/), type: 'reasoning', summary: [] });

    mock.enqueueReply({ thinking: 'Let me think', text: 'Done', chunks: 2 });
    const events = await streamEvents({ input: 'Think', store: false, include: ['reasoning.encrypted_content'] });
    for (const event of events) expect(responseEventSchemaErrors(event)).toEqual([]);
    const done = events.find((event) => event.type === 'response.output_item.done' && event.item.type === 'reasoning');
    expect(done).toMatchObject({ output_index: 0, item: { encrypted_content: expect.stringMatching(/^gAAAAA/) } });
    const final = events.at(-1)!.response;
    expect(final.store).toBe(false);
    expect(final.output.map((item: Json) => item.type)).toEqual(['reasoning', 'message']);
    // Reasoning tokens count inside output_tokens.
    expect(final.usage.output_tokens_details.reasoning_tokens).toBe(2);
    expect(final.usage.output_tokens).toBe(4);
  });

  it('streams a reasoning summary only when reasoning.summary asks for one', async () => {
    mock.enqueueReply({ thinking: 'Think hard', text: 'Done', chunks: 2 });
    const events = await streamEvents({ input: 'Think', reasoning: { effort: 'low', summary: 'auto' } });
    for (const event of events) expect(responseEventSchemaErrors(event)).toEqual([]);
    expect(events.slice(2, 9).map((event) => event.type)).toEqual([
      'response.output_item.added',
      'response.reasoning_summary_part.added',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.done',
      'response.reasoning_summary_part.done',
      'response.output_item.done',
    ]);
    expect(events[8].item.summary).toEqual([{ type: 'summary_text', text: 'Think hard' }]);
  });

  it('streams a function call and accepts its output back with the reasoning item on the next turn', async () => {
    mock.enqueueReply({ thinking: 'Need weather', toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }], chunks: 2 });
    const events = await streamEvents({
      input: 'Weather in Oslo?',
      tools: [WEATHER],
      include: ['reasoning.encrypted_content'],
      store: false,
    });
    for (const event of events) expect(responseEventSchemaErrors(event)).toEqual([]);
    expect(events.filter((event) => event.type === 'response.function_call_arguments.delta')).toHaveLength(2);
    const output: Json[] = events.at(-1)!.response.output;
    const call = output.find((item) => item.type === 'function_call')!;
    expect(call).toMatchObject({ status: 'completed', name: 'get_weather', arguments: '{"city":"Oslo"}', call_id: expect.any(String) });

    const res = await post({
      store: false,
      tools: [WEATHER],
      input: [
        { role: 'user', content: 'Weather in Oslo?' },
        ...output,
        { type: 'function_call_output', call_id: call.call_id, output: 'sunny' },
      ],
    });
    expect(res.status).toBe(200);
  });

  it('refuses what OpenAI refuses: a reasoning item it cannot look up, a tool output without its call', async () => {
    const lost = await post({
      store: false,
      input: [
        { type: 'reasoning', id: 'rs_1', summary: [] },
        { role: 'user', content: 'Hi' },
      ],
    });
    expect(lost.status).toBe(404);
    expect(((await lost.json()) as Json).error.message).toContain('Items are not persisted when `store` is set to false');
    const orphan = await post({ input: [{ type: 'function_call_output', call_id: 'call_9', output: 'x' }] });
    expect(orphan.status).toBe(400);
    expect(((await orphan.json()) as Json).error.message).toContain('No tool call found for function call output with call_id call_9');
    const noInput = await post({});
    expect(noInput.status).toBe(400);
    expect(((await noInput.json()) as Json).error.param).toBe('input');
  });

  it('answers json_schema output and ends a capped answer as incomplete', async () => {
    mock.enqueueReply({ text: '{"n":7}' });
    const format = {
      type: 'json_schema',
      name: 'answer',
      schema: { type: 'object', properties: { n: { type: 'integer' } } },
      strict: true,
    };
    const res = await post({ input: 'A number', text: { format } });
    const body = (await res.json()) as Json;
    expect(openAiSchemaErrors('Response', body)).toEqual([]);
    expect(body.text.format).toEqual(format);

    const capped = await streamEvents({ input: 'Long', max_output_tokens: 2 });
    for (const event of capped) expect(responseEventSchemaErrors(event)).toEqual([]);
    expect(capped.at(-1)).toMatchObject({ type: 'response.incomplete', response: { incomplete_details: { reason: 'max_output_tokens' } } });
  });

  it('makes the same opaque reasoning blob for the same reply', () => {
    expect(mockEncryptedReasoning(3, 'x')).toBe(mockEncryptedReasoning(3, 'x'));
    expect(mockEncryptedReasoning(3, 'x')).not.toBe(mockEncryptedReasoning(4, 'x'));
  });
});
