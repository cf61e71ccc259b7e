import { type MockUpstream, startMockUpstream } from './mock-upstream';
import { defaultReplyText } from './reply-plan';
import { authHeaders, parseSse, postJson } from './spec-helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions walk wire payloads freely
type Json = Record<string, any>;

describe('Anthropic Messages mock upstream', () => {
  let mock: MockUpstream;
  const request = (extra: Json = {}) => ({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    system: 'Be brief.', // 9 characters
    messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello there, mock!' }] }], // 18 characters: ceil(27 / 4) = 7
    ...extra,
  });
  const post = (body: unknown, headers = authHeaders(mock)) => postJson(`${mock.url}/v1/messages`, body, headers);

  beforeAll(async () => {
    mock = await startMockUpstream({ protocol: 'anthropic' });
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());

  async function streamEvents(body: Json): Promise<{ event: string; data: Json }[]> {
    const res = await post({ ...body, stream: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    return parseSse(await res.text()).map((event) => ({ event: event.event!, data: JSON.parse(event.data) }));
  }

  it('uses the origin as its base URL, like ANTHROPIC_BASE_URL', () => {
    expect(mock.url).toBe(mock.origin);
  });

  it('answers with a message object, content blocks, stop_reason and the four usage counters', async () => {
    const res = await post(request());
    expect(res.status).toBe(200);
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    expect(await res.json()).toEqual({
      id: expect.stringMatching(/^msg_/),
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [{ type: 'text', text: defaultReplyText('anthropic') }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 7, output_tokens: 8, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    });
  });

  it('streams the full event sequence with an event: line matching each payload type', async () => {
    const events = await streamEvents(request());
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      ...Array(8).fill('content_block_delta'),
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    for (const e of events) expect(e.data.type).toBe(e.event);
    expect(events[0].data.message).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [],
      stop_reason: null,
      usage: { input_tokens: 7 },
    });
    expect(events[1].data).toEqual({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    const text = events
      .filter((e) => e.event === 'content_block_delta')
      .map((e) => (expect(e.data.delta.type).toBe('text_delta'), e.data.delta.text));
    expect(text.join('')).toBe(defaultReplyText('anthropic'));
    expect(events.at(-2)!.data).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: 8 },
    });
  });

  it('streams tool_use blocks with input_json_delta pieces after a text block', async () => {
    mock.enqueueReply({ text: 'Let me check.', toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }], chunks: 3 });
    const events = await streamEvents(request());
    const starts = events.filter((e) => e.event === 'content_block_start').map((e) => e.data);
    expect(starts[1]).toEqual({
      type: 'content_block_start',
      index: 1,
      content_block: { type: 'tool_use', id: expect.stringMatching(/^toolu_/), name: 'get_weather', input: {} },
    });
    const json = events.filter((e) => e.event === 'content_block_delta' && e.data.index === 1).map((e) => e.data.delta);
    expect(json.every((d) => d.type === 'input_json_delta')).toBe(true);
    expect(JSON.parse(json.map((d) => d.partial_json).join(''))).toEqual({ city: 'Oslo' });
    expect(events.find((e) => e.event === 'message_delta')!.data.delta.stop_reason).toBe('tool_use');
  });

  it('reports the same content and usage streamed and not streamed', async () => {
    mock.enqueueReply({ text: 'Same both ways', usage: { promptTokens: 50, cachedTokens: 20, cacheCreationTokens: 10 } });
    mock.enqueueReply({ text: 'Same both ways', usage: { promptTokens: 50, cachedTokens: 20, cacheCreationTokens: 10 } });
    const plain = (await (await post(request())).json()) as Json;
    const events = await streamEvents(request());
    const streamed = events
      .filter((e) => e.event === 'content_block_delta')
      .map((e) => e.data.delta.text)
      .join('');
    expect(streamed).toBe(plain.content[0].text);
    // input_tokens excludes cache reads and writes, as Anthropic reports them.
    expect(plain.usage).toEqual({ input_tokens: 20, cache_read_input_tokens: 20, cache_creation_input_tokens: 10, output_tokens: 8 });
    expect(events[0].data.message.usage).toMatchObject({ input_tokens: 20, cache_read_input_tokens: 20, cache_creation_input_tokens: 10 });
    expect(events.at(-2)!.data.usage.output_tokens).toBe(plain.usage.output_tokens);
  });

  it('calls the tool forced by tool_choice any or tool', async () => {
    const tools = [
      {
        name: 'search',
        description: 'web',
        input_schema: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
      },
      { name: 'calc', input_schema: { type: 'object', properties: { expr: { type: 'string' } } } },
    ];
    const any = (await (await post(request({ tools, tool_choice: { type: 'any' } }))).json()) as Json;
    expect(any.content).toEqual([{ type: 'tool_use', id: expect.any(String), name: 'search', input: { query: 'mock' } }]);
    expect(any.stop_reason).toBe('tool_use');
    const named = (await (await post(request({ tools, tool_choice: { type: 'tool', name: 'calc' } }))).json()) as Json;
    expect(named.content[0].name).toBe('calc');
    const auto = (await (await post(request({ tools, tool_choice: { type: 'auto' } }))).json()) as Json;
    expect(auto.content[0].type).toBe('text');
  });

  it('answers scripted thinking first: a signed thinking block, streamed as thinking_delta pieces and one signature_delta', async () => {
    mock.enqueueReply({ thinking: 'Let me think.', text: 'Done.', chunks: 2 });
    const plain = (await (await post(request())).json()) as Json;
    expect(plain.content[0]).toEqual({
      type: 'thinking',
      thinking: 'Let me think.',
      signature: expect.stringMatching(/^[A-Za-z0-9+/=]+$/),
    });
    expect(plain.content[1]).toEqual({ type: 'text', text: 'Done.' });

    mock.enqueueReply({ thinking: 'Let me think.', text: 'Done.', chunks: 2 });
    const events = await streamEvents(request());
    const thinkingDeltas = events.filter((e) => e.data.delta?.type === 'thinking_delta').map((e) => e.data.delta.thinking);
    expect(thinkingDeltas.join('')).toBe('Let me think.');
    const signatures = events.filter((e) => e.data.delta?.type === 'signature_delta');
    expect(signatures).toHaveLength(1);
    expect(signatures[0].data.index).toBe(0);
    expect(events.find((e) => e.event === 'content_block_start')?.data.content_block).toEqual({
      type: 'thinking',
      thinking: '',
      signature: '',
    });
  });

  it('stops at max_tokens with stop_reason max_tokens, and reports scripted stop sequences', async () => {
    const capped = (await (await post(request({ max_tokens: 2 }))).json()) as Json;
    expect(capped.stop_reason).toBe('max_tokens');
    expect(capped.usage.output_tokens).toBe(2);
    mock.enqueueReply({ text: 'one two', stopSequence: '###' });
    const stopped = (await (await post(request())).json()) as Json;
    expect(stopped).toMatchObject({ stop_reason: 'stop_sequence', stop_sequence: '###' });
  });

  it('stops before the first of the request’s stop_sequences and names it, streamed and not', async () => {
    mock.enqueueReply({ text: 'one two END three' }, { text: 'one two END three' });
    const stopped = (await (await post(request({ stop_sequences: ['###', 'END'] }))).json()) as Json;
    expect(stopped).toMatchObject({ content: [{ type: 'text', text: 'one two ' }], stop_reason: 'stop_sequence', stop_sequence: 'END' });
    const events = await streamEvents(request({ stop_sequences: ['END'] }));
    const text = events.filter((e) => e.event === 'content_block_delta').map((e) => e.data.delta.text);
    expect(text.join('')).toBe('one two ');
    expect(events.find((e) => e.event === 'message_delta')!.data.delta).toEqual({ stop_reason: 'stop_sequence', stop_sequence: 'END' });
  });

  it('omits usage when scripted to', async () => {
    mock.enqueueReply({ text: 'x', omitUsage: true });
    const events = await streamEvents(request());
    expect(events[0].data.message.usage).toBeUndefined();
    expect(events.find((e) => e.event === 'message_delta')!.data.usage).toBeUndefined();
  });

  it('rejects a missing or wrong x-api-key with 401 authentication_error, and a missing anthropic-version with 400', async () => {
    const missing = await post(request(), { 'anthropic-version': '2023-06-01' });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({
      type: 'error',
      error: { type: 'authentication_error', message: expect.any(String) },
      request_id: expect.any(String),
    });
    const wrong = await post(request(), { 'x-api-key': 'nope', 'anthropic-version': '2023-06-01' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as Json).error.message).toBe('invalid x-api-key');
    const noVersion = await post(request(), { 'x-api-key': mock.apiKey });
    expect(noVersion.status).toBe(400);
    expect(((await noVersion.json()) as Json).error).toEqual({
      type: 'invalid_request_error',
      message: 'anthropic-version: header is required',
    });
  });

  it.each([
    ['max_tokens missing', { max_tokens: undefined }, 'max_tokens: Field required'],
    ['no messages', { messages: [] }, 'messages: at least one message is required'],
    [
      'a system role message',
      {
        messages: [
          { role: 'system', content: 'x' },
          { role: 'user', content: 'hi' },
        ],
      },
      'Unexpected role "system"',
    ],
    ['an unknown role', { messages: [{ role: 'tool', content: 'x' }] }, "messages.0.role: Input should be 'user' or 'assistant'"],
    [
      'an unknown block type',
      { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: {} }] }] },
      'messages.0.content.0: Input tag',
    ],
    [
      'an empty text block',
      { messages: [{ role: 'user', content: [{ type: 'text', text: '' }] }] },
      'text content blocks must be non-empty',
    ],
    ['temperature above 1', { temperature: 1.5 }, 'temperature: Input should be less than or equal to 1'],
    ['a tool without input_schema', { tools: [{ name: 'f' }] }, 'tools.0.input_schema: Field required'],
    [
      'a tool_result without its tool_use',
      { messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'x' }] }] },
      'unexpected `tool_use_id` found in `tool_result` blocks: toolu_1',
    ],
    [
      'a tool_use not answered in the next message',
      {
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'f', input: {} }] },
          { role: 'user', content: 'never mind' },
        ],
      },
      '`tool_use` ids were found without `tool_result` blocks immediately after: toolu_1',
    ],
  ])('rejects %s with 400 invalid_request_error', async (_name, patch, message) => {
    const res = await post(request(patch));
    expect(res.status).toBe(400);
    const body = (await res.json()) as Json;
    expect(body.type).toBe('error');
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toContain(message);
  });

  it('accepts images, a tool_use answered by a tool_result, and a top-level system prompt in blocks', async () => {
    const res = await post(
      request({
        system: [{ type: 'text', text: 'Be brief.' }],
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
              { type: 'text', text: 'What is this?' },
            ],
          },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'look', input: { at: 'image' } }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'a cat' }] },
        ],
      }),
    );
    expect(res.status).toBe(200);
  });

  it('answers overloaded (529) and rate limit (429 with retry-after) faults in the Anthropic envelope', async () => {
    mock.setFault({ kind: 'status', status: 529, times: 1 });
    const overloaded = await post(request());
    expect(overloaded.status).toBe(529);
    expect(((await overloaded.json()) as Json).error).toEqual({ type: 'overloaded_error', message: 'Overloaded' });
    mock.setFault({ kind: 'rateLimit', retryAfterSeconds: 7, times: 1 });
    const limited = await post(request());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(((await limited.json()) as Json).error.type).toBe('rate_limit_error');
    mock.setFault({ kind: 'status', status: 500, times: 1 });
    expect(((await (await post(request())).json()) as Json).error.type).toBe('api_error');
    expect((await post(request())).status).toBe(200);
  });
});
