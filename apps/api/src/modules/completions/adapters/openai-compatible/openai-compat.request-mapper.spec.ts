import type { ChatCompletionRequest } from '@apilink/contracts';
import { UnsupportedParameterError } from '../errors/unsupported-parameter.error';
import type { UpstreamTarget } from '../upstream-adapter';
import { QUIRKS_PRESETS } from '../../../upstreams/providers/quirks-presets';
import { validateQuirks } from '../../../upstreams/providers/openai-compat.quirks';
import { mapOpenAiCompatRequest } from './openai-compat.request-mapper';

const target = (overrides: Partial<UpstreamTarget> = {}): UpstreamTarget => ({
  protocol: 'openai',
  baseUrl: 'https://api.openai.com/v1/',
  apiKey: 'sk-upstream',
  upstreamModel: 'gpt-4.1-nano-2025-04-14',
  ...overrides,
});
const request = (overrides: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest => ({
  model: 'client-alias',
  messages: [
    { role: 'developer', content: 'Be brief.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Hi ' },
        { type: 'text', text: 'there' },
      ],
    },
  ],
  ...overrides,
});
const body = (req: ChatCompletionRequest, t = target(), stream = false) =>
  JSON.parse(mapOpenAiCompatRequest(req, t, { stream, defaultMaxTokens: 4096 }).body) as Record<string, unknown>;

describe('mapOpenAiCompatRequest', () => {
  it('posts to {baseUrl}/chat/completions with a bearer key and the upstream model id', () => {
    const http = mapOpenAiCompatRequest(request(), target(), { stream: false, defaultMaxTokens: 4096 });
    expect(http.method).toBe('POST');
    expect(http.url).toBe('https://api.openai.com/v1/chat/completions');
    expect(http.headers).toMatchObject({ authorization: 'Bearer sk-upstream', 'content-type': 'application/json' });
    expect(JSON.parse(http.body).model).toBe('gpt-4.1-nano-2025-04-14');
    expect(http.usageReported).toBe(true);
  });

  it('forwards every set OpenAI parameter unchanged for OpenAI itself', () => {
    const req = request({
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' }, strict: true } }],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
      response_format: { type: 'json_object' },
      temperature: 0.2,
      top_p: 0.9,
      stop: ['END'],
      max_completion_tokens: 100,
      seed: 7,
      n: 2,
      user: 'user-1',
      reasoning_effort: 'low',
    });
    const sent = body(req);
    const { model: _model, messages, stream: _stream, stream_options: _options, ...params } = req;
    expect(sent).toEqual({ model: 'gpt-4.1-nano-2025-04-14', messages, ...params });
  });

  it('drops unknown client fields and null values rather than forwarding them', () => {
    const req = { ...request({ temperature: null }), store: true, metadata: { a: 1 } } as ChatCompletionRequest;
    expect(Object.keys(body(req)).sort()).toEqual(['messages', 'model']);
  });

  it('always asks for stream usage when streaming to a provider that accepts stream_options', () => {
    const sent = body(request({ stream: true, stream_options: { include_usage: false } }), target(), true);
    expect(sent.stream).toBe(true);
    expect(sent.stream_options).toEqual({ include_usage: true });
  });

  it('omits stream_options for providers that report usage unasked or not at all, and says so', () => {
    const mistral = target({ quirks: QUIRKS_PRESETS.get('mistral')! });
    expect(body(request(), mistral, true).stream_options).toBeUndefined();
    const cohere = target({ quirks: QUIRKS_PRESETS.get('cohere')! });
    const http = mapOpenAiCompatRequest(request(), cohere, { stream: true, defaultMaxTokens: 1 });
    expect(JSON.parse(http.body).stream_options).toBeUndefined();
    expect(http.usageReported).toBe(false);
    expect(mapOpenAiCompatRequest(request(), cohere, { stream: false, defaultMaxTokens: 1 }).usageReported).toBe(true);
  });

  it('never streams when the caller did not ask, whatever the client flag says', () => {
    const sent = body(request({ stream: true, stream_options: { include_usage: true } }));
    expect(sent.stream).toBeUndefined();
    expect(sent.stream_options).toBeUndefined();
  });

  it('renames parameters, e.g. max_completion_tokens to max_tokens and seed to random_seed for Mistral', () => {
    const sent = body(request({ max_completion_tokens: 50, seed: 3 }), target({ quirks: QUIRKS_PRESETS.get('mistral')! }));
    expect(sent).toMatchObject({ max_tokens: 50, random_seed: 3 });
    expect(sent).not.toHaveProperty('max_completion_tokens');
    expect(sent).not.toHaveProperty('seed');
  });

  it('drops parameters the provider cannot take and names only those the client set', () => {
    const mistral = target({ quirks: QUIRKS_PRESETS.get('mistral')! });
    const built = mapOpenAiCompatRequest(request({ user: 'u', reasoning_effort: 'high' }), mistral, {
      stream: false,
      defaultMaxTokens: 100,
    });
    const sent = JSON.parse(built.body);
    expect(sent).not.toHaveProperty('user');
    expect(sent).not.toHaveProperty('reasoning_effort');
    expect([...built.droppedParams].sort()).toEqual(['reasoning_effort', 'user']);
  });

  it('refuses parameters the provider rejects, naming them', () => {
    const groq = target({ quirks: QUIRKS_PRESETS.get('groq')! });
    expect(() => body(request({ n: 3 }), groq)).toThrow(UnsupportedParameterError);
    try {
      body(request({ logprobs: true }), groq);
    } catch (error) {
      expect(error).toBeInstanceOf(UnsupportedParameterError);
      expect((error as UnsupportedParameterError).param).toBe('logprobs');
    }
    expect.assertions(3);
  });

  it('treats n = 1 as the default, so providers rejecting n still accept it', () => {
    const groq = target({ quirks: QUIRKS_PRESETS.get('groq')! });
    expect(body(request({ n: 1 }), groq)).not.toHaveProperty('n');
  });

  it('sends developer messages as system messages to providers that predate the role', () => {
    const sent = body(request(), target({ quirks: QUIRKS_PRESETS.get('together')! }));
    expect((sent.messages as { role: string }[])[0]).toEqual({ role: 'system', content: 'Be brief.' });
    expect((body(request()).messages as { role: string }[])[0].role).toBe('developer');
  });

  it('flattens text-only content arrays for providers that accept only strings, but keeps images', () => {
    const quirks = validateQuirks({ flattenTextContent: true });
    const image = { type: 'image_url' as const, image_url: { url: 'https://example.com/a.png' } };
    const sent = body(
      request({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'a' },
              { type: 'text', text: 'b' },
            ],
          },
          { role: 'user', content: [image] },
        ],
      }),
      target({ quirks }),
    );
    expect(sent.messages).toEqual([
      { role: 'user', content: 'ab' },
      { role: 'user', content: [image] },
    ]);
  });
});
