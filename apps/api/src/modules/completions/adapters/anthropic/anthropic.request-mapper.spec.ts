import type { ChatCompletionRequest } from '@apilink/contracts';
import { refusedParamOf } from '../__testing__/unsupported-param';
import type { UpstreamTarget } from '../upstream-adapter';
import { mapAnthropicRequest } from './anthropic.request-mapper';

const target: UpstreamTarget = {
  protocol: 'anthropic',
  baseUrl: 'https://api.anthropic.com',
  apiKey: 'sk-ant-key',
  upstreamModel: 'claude-sonnet-4-5',
};
const build = (req: Partial<ChatCompletionRequest>, stream = false) =>
  mapAnthropicRequest({ model: 'alias', messages: [{ role: 'user', content: 'Hi' }], ...req }, target, { stream, defaultMaxTokens: 4096 });
const body = (req: Partial<ChatCompletionRequest>, stream = false) => JSON.parse(build(req, stream).body);
const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather by city',
    parameters: { type: 'object', properties: { city: { type: 'string' } } },
  },
};

const refusedParam = (req: Partial<ChatCompletionRequest>) => refusedParamOf(() => build(req));

describe('mapAnthropicRequest', () => {
  it('posts to /v1/messages with the API key, version and JSON headers', () => {
    const http = build({}, true);
    expect(http.url).toBe('https://api.anthropic.com/v1/messages');
    expect(http.headers).toMatchObject({
      'x-api-key': 'sk-ant-key',
      'anthropic-version': '2023-06-01',
      'content-type': 'application/json',
    });
    expect(JSON.parse(http.body)).toMatchObject({ model: 'claude-sonnet-4-5', stream: true });
  });

  it('always sends max_tokens: the client value, else the default from ctx', () => {
    expect(body({}).max_tokens).toBe(4096);
    expect(body({ max_tokens: 300 }).max_tokens).toBe(300);
    expect(body({ max_tokens: 300, max_completion_tokens: 200 }).max_tokens).toBe(200);
  });

  it('moves system and developer messages to the top-level system prompt', () => {
    const sent = body({
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Hi' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
      ],
    });
    expect(sent.system).toEqual([
      { type: 'text', text: 'You are terse.' },
      { type: 'text', text: 'Answer in French.' },
    ]);
    expect(sent.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }]);
  });

  it('merges consecutive turns of the same role, since Anthropic requires alternation', () => {
    const sent = body({
      messages: [
        { role: 'user', content: 'One' },
        { role: 'user', content: 'Two' },
        { role: 'assistant', content: 'Three' },
      ],
    });
    expect(sent.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'One' },
          { type: 'text', text: 'Two' },
        ],
      },
      { role: 'assistant', content: [{ type: 'text', text: 'Three' }] },
    ]);
  });

  it('maps https images to URL sources and data URLs to base64 sources', () => {
    const sent = body({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare' },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'high' } },
            { type: 'image_url', image_url: { url: 'data:image/webp;base64,UklGRg==' } },
          ],
        },
      ],
    });
    expect(sent.messages[0].content).toEqual([
      { type: 'text', text: 'Compare' },
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } },
      { type: 'image', source: { type: 'base64', media_type: 'image/webp', data: 'UklGRg==' } },
    ]);
  });

  it('refuses image types and URL schemes Anthropic cannot read, naming the content part', () => {
    const image = (url: string): Partial<ChatCompletionRequest> => ({
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url } }] }],
    });
    expect(refusedParam(image('data:image/tiff;base64,AAAA'))).toBe('messages[0].content[0].image_url.url');
    expect(refusedParam(image('ftp://example.com/a.png'))).toBe('messages[0].content[0].image_url.url');
  });

  it('maps tools, and a tool-call round trip into tool_use and tool_result blocks', () => {
    const sent = body({
      tools: [weatherTool, { type: 'function', function: { name: 'now' } }],
      messages: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: 'Checking.',
          tool_calls: [
            { id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            { id: 'toolu_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_1', content: '18°C' },
        { role: 'tool', tool_call_id: 'toolu_2', content: [{ type: 'text', text: '25°C' }] },
        { role: 'user', content: 'Thanks' },
      ],
    });
    expect(sent.tools).toEqual([
      { name: 'get_weather', description: 'Weather by city', input_schema: weatherTool.function.parameters },
      { name: 'now', input_schema: { type: 'object', properties: {} } },
    ]);
    expect(sent.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Rome?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { city: 'Rome' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: '18°C' },
          { type: 'tool_result', tool_use_id: 'toolu_2', content: '25°C' },
          { type: 'text', text: 'Thanks' },
        ],
      },
    ]);
  });

  it('skips empty assistant turns and empty text that Anthropic would reject', () => {
    const sent = body({
      messages: [
        { role: 'user', content: 'a' },
        { role: 'assistant', content: '', refusal: 'no' },
        {
          role: 'user',
          content: [
            { type: 'text', text: '' },
            { type: 'text', text: 'b' },
          ],
        },
      ],
    });
    expect(sent.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
      },
    ]);
  });

  it('refuses tool-call arguments that are not a JSON object', () => {
    const param = refusedParam({
      messages: [{ role: 'assistant', tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '[1,2]' } }] }],
    });
    expect(param).toBe('messages[0].tool_calls[0].function.arguments');
  });

  it.each([
    ['auto', undefined, { type: 'auto' }],
    ['none', undefined, { type: 'none' }],
    ['required', undefined, { type: 'any' }],
    [{ type: 'function', function: { name: 'get_weather' } }, undefined, { type: 'tool', name: 'get_weather' }],
    ['required', false, { type: 'any', disable_parallel_tool_use: true }],
    [undefined, false, { type: 'auto', disable_parallel_tool_use: true }],
    [undefined, true, undefined],
  ] as const)('maps tool_choice %j with parallel_tool_calls %s', (choice, parallel, expected) => {
    const sent = body({ tools: [weatherTool], tool_choice: choice as ChatCompletionRequest['tool_choice'], parallel_tool_calls: parallel });
    expect(sent.tool_choice).toEqual(expected);
  });

  it('sends no tool_choice without tools', () => {
    expect(body({ tool_choice: 'required' })).not.toHaveProperty('tool_choice');
  });

  it('maps stop, temperature, top_p and user; drops seed', () => {
    expect(body({ stop: 'END', temperature: 0.3, top_p: 0.8, user: 'customer-42', seed: 1 })).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 4096,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
      stop_sequences: ['END'],
      temperature: 0.3,
      top_p: 0.8,
      metadata: { user_id: 'customer-42' },
    });
    expect(body({ stop: ['a', 'b'] }).stop_sequences).toEqual(['a', 'b']);
  });

  it.each([
    [{ n: 2 }, 'n'],
    [{ response_format: { type: 'json_schema', json_schema: { name: 'x', schema: {} } } }, 'response_format'],
    [{ response_format: { type: 'json_object' } }, 'response_format'],
    [{ reasoning_effort: 'high' }, 'reasoning_effort'],
    [{ temperature: 1.5 }, 'temperature'],
    [{ logprobs: true }, 'logprobs'],
    [{ top_logprobs: 1 }, 'top_logprobs'],
  ] as const)('refuses %j, naming %s', (req, param) => {
    expect(refusedParam(req as Partial<ChatCompletionRequest>)).toBe(param);
  });

  it('drops sampling hints it cannot honour and names them, without refusing the request', () => {
    const request = build({ seed: 7, presence_penalty: 0.5, frequency_penalty: 0.1, logit_bias: { '50256': -100 }, user: 'kept' });
    expect(request.droppedParams).toEqual(['seed', 'presence_penalty', 'frequency_penalty', 'logit_bias']);
    const sent = JSON.parse(request.body);
    for (const param of ['seed', 'presence_penalty', 'frequency_penalty', 'logit_bias']) expect(sent).not.toHaveProperty(param);
    expect(sent.metadata).toEqual({ user_id: 'kept' });
    expect(build({}).droppedParams).toEqual([]);
  });

  it('accepts the neutral values of parameters it cannot honour', () => {
    expect(
      refusedParam({ n: 1, response_format: { type: 'text' }, reasoning_effort: 'none', presence_penalty: 0, logprobs: false }),
    ).toBeUndefined();
  });
});
