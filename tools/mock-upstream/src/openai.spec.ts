import { type MockUpstream, startMockUpstream } from './mock-upstream';
import { defaultReplyText } from './reply-plan';
import { authHeaders, parseSse, postJson } from './spec-helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions walk wire payloads freely
type Json = Record<string, any>;

describe('OpenAI-compatible mock upstream', () => {
  let mock: MockUpstream;
  const user = 'Say hello to the mock, please.'; // 30 characters: ceil(30 / 4) = 8 prompt tokens
  const request = (extra: Json = {}) => ({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: user }], ...extra });
  const post = (body: unknown, headers = authHeaders(mock)) => postJson(`${mock.url}/chat/completions`, body, headers);

  beforeAll(async () => {
    mock = await startMockUpstream({ protocol: 'openai', apiKey: 'sk-test-0123456789abcdef' });
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());

  async function streamEvents(body: Json): Promise<Json[]> {
    const res = await post({ ...body, stream: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseSse(await res.text());
    expect(events.at(-1)?.data).toBe('[DONE]');
    return events.slice(0, -1).map((event) => JSON.parse(event.data));
  }

  it('serves the base URL with the /v1 base path, like OPENAI_BASE_URL', () => {
    expect(mock.url).toBe(`${mock.origin}/v1`);
  });

  it('answers a non-stream request with a chat.completion object and deterministic usage', async () => {
    const res = await post(request());
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body).toMatchObject({
      id: expect.stringMatching(/^chatcmpl-/),
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'gpt-4o-mini',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: defaultReplyText('openai'), refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 8, completion_tokens: 8, total_tokens: 16, prompt_tokens_details: { cached_tokens: 0 } },
    });
  });

  it('streams role first, content pieces, a finish chunk, then the usage chunk with empty choices when include_usage is set', async () => {
    const chunks = await streamEvents(request({ stream_options: { include_usage: true } }));
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.id === chunks[0].id)).toBe(true);
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '', refusal: null });
    const content = chunks.slice(1, -2).map((chunk) => chunk.choices[0].delta.content);
    expect(content).toHaveLength(8);
    expect(content.join('')).toBe(defaultReplyText('openai'));
    const finish = chunks.at(-2)!;
    expect(finish.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    const usageChunk = chunks.at(-1)!;
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage).toMatchObject({ prompt_tokens: 8, completion_tokens: 8, total_tokens: 16 });
    // OpenAI sends `usage: null` on every other chunk when include_usage is set.
    expect(chunks.slice(0, -1).every((chunk) => 'usage' in chunk && chunk.usage === null)).toBe(true);
  });

  it('sends no usage field and no usage chunk when include_usage is not set', async () => {
    const chunks = await streamEvents(request());
    expect(chunks.some((chunk) => 'usage' in chunk)).toBe(false);
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe('stop');
  });

  it('reports the same content and usage streamed and not streamed', async () => {
    const plain = (await (await post(request())).json()) as Json;
    const chunks = await streamEvents(request({ stream_options: { include_usage: true } }));
    const streamed = chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('');
    expect(streamed).toBe(plain.choices[0].message.content);
    expect(chunks.at(-1)!.usage).toEqual(plain.usage);
  });

  it('streams scripted tool calls as OpenAI does: id, type and name in the first fragment, argument pieces after', async () => {
    const args = { city: 'Paris', days: 3 };
    mock.enqueueReply({ toolCalls: [{ name: 'get_weather', arguments: args }], chunks: 4 });
    const chunks = await streamEvents(request());
    const first = chunks[0].choices[0].delta;
    expect(first).toMatchObject({ role: 'assistant', content: null });
    expect(first.tool_calls[0]).toEqual({
      index: 0,
      id: expect.stringMatching(/^call_/),
      type: 'function',
      function: { name: 'get_weather', arguments: '' },
    });
    const fragments = chunks.slice(1, -1).map((chunk) => chunk.choices[0].delta.tool_calls[0]);
    expect(fragments).toHaveLength(4);
    for (const fragment of fragments) expect(Object.keys(fragment).sort()).toEqual(['function', 'index']);
    expect(JSON.parse(fragments.map((fragment) => fragment.function.arguments).join(''))).toEqual(args);
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe('tool_calls');
  });

  it('returns scripted tool calls and text in a non-stream reply', async () => {
    mock.enqueueReply({ text: 'Checking.', toolCalls: [{ name: 'lookup', arguments: { q: 'x' }, id: 'call_fixed' }] });
    const body = (await (await post(request())).json()) as Json;
    expect(body.choices[0].message).toMatchObject({
      content: 'Checking.',
      tool_calls: [{ id: 'call_fixed', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }],
    });
    expect(body.choices[0].finish_reason).toBe('tool_calls');
  });

  it('calls the forced tool with arguments that satisfy its schema when tool_choice requires one', async () => {
    const tools = [
      { type: 'function', function: { name: 'first', parameters: { type: 'object', properties: {} } } },
      {
        type: 'function',
        function: {
          name: 'book',
          parameters: {
            type: 'object',
            properties: { room: { type: 'string', enum: ['A', 'B'] }, nights: { type: 'integer' }, note: { type: 'string' } },
            required: ['room', 'nights'],
          },
        },
      },
    ];
    const named = (await (await post(request({ tools, tool_choice: { type: 'function', function: { name: 'book' } } }))).json()) as Json;
    expect(named.choices[0].message.tool_calls[0].function).toEqual({ name: 'book', arguments: '{"room":"A","nights":1}' });
    const required = (await (await post(request({ tools, tool_choice: 'required' }))).json()) as Json;
    expect(required.choices[0].message.tool_calls[0].function.name).toBe('first');
    const auto = (await (await post(request({ tools }))).json()) as Json;
    expect(auto.choices[0].message.content).toBe(defaultReplyText('openai'));
  });

  it('truncates to max_completion_tokens (or max_tokens) and reports finish_reason length', async () => {
    const body = (await (await post(request({ max_completion_tokens: 3 }))).json()) as Json;
    expect(body.choices[0].finish_reason).toBe('length');
    expect(body.usage.completion_tokens).toBe(3);
    expect(defaultReplyText('openai').startsWith(body.choices[0].message.content)).toBe(true);
    const chunks = await streamEvents(request({ max_tokens: 2 }));
    expect(chunks.filter((chunk) => chunk.choices[0].delta.content).length).toBe(2);
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe('length');
  });

  it('stops before the first stop sequence of the request with a plain finish_reason "stop", naming none, as OpenAI does', async () => {
    mock.enqueueReply({ text: 'One two END three' }, { text: 'One two END three' });
    const body = (await (await post(request({ stop: ['###', 'END'] }))).json()) as Json;
    expect(body.choices[0]).toEqual({
      index: 0,
      message: { role: 'assistant', content: 'One two ', refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: 'stop',
    });
    const chunks = await streamEvents(request({ stop: 'END' }));
    expect(chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join('')).toBe('One two ');
    expect(chunks.at(-1)!.choices[0]).toEqual({ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' });
  });

  it('applies scripted usage, finish reason and omitUsage', async () => {
    mock.enqueueReply(
      { text: 'hi', finishReason: 'content_filter', usage: { promptTokens: 100, completionTokens: 7, cachedTokens: 40 } },
      { text: 'no usage', omitUsage: true },
    );
    const first = (await (await post(request())).json()) as Json;
    expect(first.choices[0].finish_reason).toBe('content_filter');
    expect(first.usage).toMatchObject({
      prompt_tokens: 100,
      completion_tokens: 7,
      total_tokens: 107,
      prompt_tokens_details: { cached_tokens: 40 },
    });
    const chunks = await streamEvents(request({ stream_options: { include_usage: true } }));
    expect(chunks.some((chunk) => chunk.usage)).toBe(false);
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe('stop');
  });

  it('rejects a missing key and a wrong key with 401 in the OpenAI error envelope, never echoing the key', async () => {
    const missing = await post(request(), {});
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as Json).error).toMatchObject({ type: 'invalid_request_error', param: null, code: null });
    const wrong = await post(request(), { authorization: 'Bearer sk-wrong-key-abcdef123456' });
    expect(wrong.status).toBe(401);
    const error = ((await wrong.json()) as Json).error;
    expect(error).toEqual({
      message: expect.stringContaining('Incorrect API key provided'),
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    });
    expect(error.message).not.toContain('sk-wrong-key-abcdef123456');
  });

  it.each([
    [{ model: 'gpt-4o-mini' }, 'messages', 'missing_required_parameter'],
    [{ model: 'gpt-4o-mini', messages: [] }, 'messages', 'empty_array'],
    [{ model: 'gpt-4o-mini', messages: [{ role: 'robot', content: 'x' }] }, 'messages[0].role', 'invalid_value'],
    [{ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], temperature: 2.5 }, 'temperature', 'decimal_above_max_value'],
    [{ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], stream_options: { include_usage: true } }, 'stream_options', null],
    [{ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], tool_choice: 'required' }, 'tool_choice', null],
    [{ model: 'gpt-4o-mini', messages: [{ role: 'tool', tool_call_id: 'call_1', content: 'x' }] }, 'messages.[0].role', null],
    [
      {
        model: 'gpt-4o-mini',
        messages: [
          { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
          { role: 'user', content: 'x' },
        ],
      },
      'messages.[0].role',
      null,
    ],
  ])('rejects an invalid body with a 400 naming the parameter (%#)', async (body, param, code) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Json).error).toEqual({ message: expect.any(String), type: 'invalid_request_error', param, code });
  });

  it('accepts a tool result that answers the preceding tool call', async () => {
    const res = await post({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'user', content: 'weather?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
      ],
    });
    expect(res.status).toBe(200);
  });

  it('answers invalid JSON and unknown routes in the OpenAI envelope', async () => {
    const badJson = await fetch(`${mock.url}/chat/completions`, { method: 'POST', headers: authHeaders(mock), body: '{not json' });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as Json).error.type).toBe('invalid_request_error');
    const unknown = await fetch(`${mock.url}/audio/speech`, { method: 'POST', headers: authHeaders(mock), body: '{}' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as Json).error.message).toBe('Invalid URL (POST /v1/audio/speech)');
  });

  it('lists models on GET /v1/models', async () => {
    const res = await fetch(`${mock.url}/models`, { headers: authHeaders(mock) });
    const body = (await res.json()) as Json;
    expect(body.object).toBe('list');
    expect(body.data[0]).toMatchObject({ id: expect.any(String), object: 'model', owned_by: expect.any(String) });
  });

  describe.each([
    { server: 'vllm', field: 'stop_reason', naturalEnd: null },
    { server: 'sglang', field: 'matched_stop', naturalEnd: 151645 },
  ] as const)('as $server', ({ server, field, naturalEnd }) => {
    let compatible: MockUpstream;
    beforeAll(async () => {
      compatible = await startMockUpstream({ protocol: 'openai', openAiServer: server });
    });
    afterAll(() => compatible.close());
    const postTo = (body: Json) => postJson(`${compatible.url}/chat/completions`, body, authHeaders(compatible));

    it(`names the stop sequence that ended the choice in ${field}, streamed and not; the end-of-sequence token gives ${naturalEnd}`, async () => {
      compatible.enqueueReply({ text: 'One two END three' }, { text: 'One two END three' }, { text: 'All done.' });
      const plain = (await (await postTo(request({ stop: ['###', 'END'] }))).json()) as Json;
      expect(plain.choices[0]).toMatchObject({ message: { content: 'One two ' }, finish_reason: 'stop', [field]: 'END' });
      const events = parseSse(await (await postTo(request({ stop: ['END'], stream: true }))).text());
      const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data) as Json);
      expect(chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join('')).toBe('One two ');
      expect(chunks.at(-1)!.choices[0]).toMatchObject({ finish_reason: 'stop', [field]: 'END' });
      expect(chunks.slice(0, -1).some((chunk) => field in chunk.choices[0])).toBe(false);
      const natural = (await (await postTo(request({ stop: ['END'] }))).json()) as Json;
      expect(natural.choices[0]).toMatchObject({ message: { content: 'All done.' }, finish_reason: 'stop', [field]: naturalEnd });
    });
  });

  describe('as another OpenAI-compatible host', () => {
    let compatible: MockUpstream;
    beforeAll(async () => {
      compatible = await startMockUpstream({ protocol: 'openai', basePath: '/api/paas/v4/', models: ['deepseek-chat'], chunks: 20 });
    });
    afterAll(() => compatible.close());

    it('serves its configured base path and model list, and reports unknown models as OpenAI does', async () => {
      expect(compatible.url).toBe(`${compatible.origin}/api/paas/v4`);
      const ok = await postJson(
        `${compatible.url}/chat/completions`,
        { model: 'deepseek-chat', messages: [{ role: 'user', content: 'hi' }] },
        authHeaders(compatible),
      );
      expect(((await ok.json()) as Json).usage.completion_tokens).toBe(20);
      const unknown = await postJson(
        `${compatible.url}/chat/completions`,
        { model: 'gpt-5', messages: [{ role: 'user', content: 'hi' }] },
        authHeaders(compatible),
      );
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as Json).error.code).toBe('model_not_found');
      const wrongPath = await postJson(
        `${compatible.origin}/v1/chat/completions`,
        { model: 'deepseek-chat', messages: [] },
        authHeaders(compatible),
      );
      expect(wrongPath.status).toBe(404);
    });
  });
});
