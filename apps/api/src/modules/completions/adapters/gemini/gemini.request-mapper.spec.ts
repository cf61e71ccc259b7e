import type { ChatCompletionRequest } from '@apilink/contracts';
import { refusedParamOf } from '../__testing__/unsupported-param';
import type { UpstreamTarget } from '../upstream-adapter';
import { mapGeminiRequest } from './gemini.request-mapper';
import { encodeGeminiToolCallId, SKIP_THOUGHT_SIGNATURE } from './gemini.tool-call-id';

const target: UpstreamTarget = {
  protocol: 'gemini',
  baseUrl: 'https://generativelanguage.googleapis.com/',
  apiKey: 'AIza-test-key',
  upstreamModel: 'models/gemini-2.5-flash',
};
const build = (req: Partial<ChatCompletionRequest>, stream = false) =>
  mapGeminiRequest({ model: 'alias', messages: [{ role: 'user', content: 'Hi' }], ...req }, target, { stream, defaultMaxTokens: 4096 });
const body = (req: Partial<ChatCompletionRequest>) => JSON.parse(build(req).body);
const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather by city',
    strict: true,
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  },
};

const refusedParam = (req: Partial<ChatCompletionRequest>) => refusedParamOf(() => build(req));

describe('mapGeminiRequest', () => {
  it('targets generateContent, or streamGenerateContent with alt=sse, with the key in x-goog-api-key', () => {
    const plain = build({});
    expect(plain.url).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent');
    expect(plain.headers).toMatchObject({ 'x-goog-api-key': 'AIza-test-key', 'content-type': 'application/json' });
    expect(plain.url).not.toContain('AIza');
    expect(build({}, true).url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    );
    expect(build({}, true).usageReported).toBe(true);
  });

  it('sends system and developer messages as systemInstruction and assistant turns as model', () => {
    const sent = body({
      messages: [
        { role: 'system', content: 'Be terse.' },
        { role: 'developer', content: 'Use metric units.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: 'Weather?' },
        { role: 'user', content: 'In Paris.' },
      ],
    });
    expect(sent.systemInstruction).toEqual({ parts: [{ text: 'Be terse.' }, { text: 'Use metric units.' }] });
    expect(sent.contents).toEqual([
      { role: 'user', parts: [{ text: 'Hi' }] },
      { role: 'model', parts: [{ text: 'Hello' }] },
      { role: 'user', parts: [{ text: 'Weather?' }, { text: 'In Paris.' }] },
    ]);
  });

  it('sends data-URL images inline and https images as fileData with a guessed MIME type', () => {
    const sent = body({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://example.com/photos/cat.webp?w=200' } },
          ],
        },
      ],
    });
    expect(sent.contents[0].parts).toEqual([
      { text: 'Describe' },
      { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
      { fileData: { mimeType: 'image/webp', fileUri: 'https://example.com/photos/cat.webp?w=200' } },
    ]);
  });

  it('turns a tool-call round trip into functionCall and functionResponse parts named after the call', () => {
    const signedId = encodeGeminiToolCallId('call_1', 'EqUCCqICAb4+9vsh');
    const sent = body({
      tools: [weatherTool],
      messages: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: signedId, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            { id: 'call_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
          ],
        },
        { role: 'tool', tool_call_id: signedId, content: '{"temperature":18}' },
        { role: 'tool', tool_call_id: 'call_2', content: 'sunny, 25°C' },
      ],
    });
    expect(sent.contents).toEqual([
      { role: 'user', parts: [{ text: 'Weather in Paris and Rome?' }] },
      {
        role: 'model',
        parts: [
          { functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'EqUCCqICAb4+9vsh' },
          { functionCall: { name: 'get_weather', args: { city: 'Rome' } } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'get_weather', response: { temperature: 18 } } },
          { functionResponse: { name: 'get_weather', response: { output: 'sunny, 25°C' } } },
        ],
      },
    ]);
  });

  it('adds the documented placeholder signature to unsigned calls from other models', () => {
    const sent = body({
      messages: [
        { role: 'assistant', tool_calls: [{ id: 'toolu_x', type: 'function', function: { name: 'f', arguments: '' } }] },
        { role: 'tool', tool_call_id: 'toolu_x', content: 'done' },
      ],
    });
    expect(sent.contents[0].parts[0]).toEqual({ functionCall: { name: 'f', args: {} }, thoughtSignature: SKIP_THOUGHT_SIGNATURE });
  });

  it('refuses a tool result whose call id matches no earlier tool call', () => {
    expect(
      refusedParam({
        messages: [
          { role: 'user', content: 'x' },
          { role: 'tool', tool_call_id: 'call_unknown', content: 'r' },
        ],
      }),
    ).toBe('messages[1].tool_call_id');
  });

  it('declares tools with cleaned parameters and omits parameters of argument-less tools', () => {
    const sent = body({
      tools: [weatherTool, { type: 'function', function: { name: 'now', parameters: { type: 'object', properties: {} } } }],
    });
    expect(sent.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: 'get_weather',
            description: 'Weather by city',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
          { name: 'now' },
        ],
      },
    ]);
  });

  it.each([
    ['auto', { mode: 'AUTO' }],
    ['none', { mode: 'NONE' }],
    ['required', { mode: 'ANY' }],
    [
      { type: 'function', function: { name: 'get_weather' } },
      { mode: 'ANY', allowedFunctionNames: ['get_weather'] },
    ],
  ] as const)('maps tool_choice %j to functionCallingConfig %j', (choice, config) => {
    expect(body({ tools: [weatherTool], tool_choice: choice as ChatCompletionRequest['tool_choice'] }).toolConfig).toEqual({
      functionCallingConfig: config,
    });
  });

  it('maps sampling and length parameters into generationConfig', () => {
    const sent = body({
      temperature: 0.4,
      top_p: 0.9,
      max_tokens: 500,
      max_completion_tokens: 300,
      stop: 'END',
      n: 2,
      seed: 42,
      presence_penalty: 0.1,
      frequency_penalty: 0.2,
      user: 'dropped',
      parallel_tool_calls: false,
    });
    expect(sent.generationConfig).toEqual({
      temperature: 0.4,
      topP: 0.9,
      maxOutputTokens: 300,
      stopSequences: ['END'],
      candidateCount: 2,
      seed: 42,
    });
    expect(Object.keys(sent).sort()).toEqual(['contents', 'generationConfig']);
  });

  it('drops the hints Gemini cannot honour and names them, in the order of the request parameters', () => {
    const req = { user: 'u', parallel_tool_calls: false, logit_bias: { '1': 2 }, presence_penalty: 0.1, frequency_penalty: 0, seed: 1 };
    expect(build(req).droppedParams).toEqual(['user', 'parallel_tool_calls', 'logit_bias', 'presence_penalty', 'frequency_penalty']);
    expect(build({ temperature: 0.2 }).droppedParams).toEqual([]);
  });

  it('sends no generationConfig and no maxOutputTokens when the client set nothing', () => {
    expect(body({})).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] });
  });

  it('maps json_object to a JSON MIME type and json_schema to a cleaned responseSchema', () => {
    expect(body({ response_format: { type: 'json_object' } }).generationConfig).toEqual({ responseMimeType: 'application/json' });
    const sent = body({
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'answer',
          strict: true,
          schema: { type: 'object', properties: { n: { type: 'integer' } }, additionalProperties: false },
        },
      },
    });
    expect(sent.generationConfig).toEqual({
      responseMimeType: 'application/json',
      responseSchema: { type: 'object', properties: { n: { type: 'integer' } } },
    });
  });

  it('maps reasoning_effort to a thinking budget', () => {
    expect(body({ reasoning_effort: 'none' }).generationConfig.thinkingConfig).toEqual({ thinkingBudget: 0 });
    expect(body({ reasoning_effort: 'low' }).generationConfig.thinkingConfig).toEqual({ thinkingBudget: 1024 });
    expect(body({ reasoning_effort: 'high' }).generationConfig.thinkingConfig).toEqual({ thinkingBudget: 24576 });
    expect(body({ reasoning_effort: 'ultra' as never })).not.toHaveProperty('generationConfig');
  });

  it('refuses log probabilities, which change the shape of the answer', () => {
    expect(refusedParam({ logprobs: true })).toBe('logprobs');
    expect(refusedParam({ top_logprobs: 2 })).toBe('top_logprobs');
    expect(refusedParam({ logprobs: false, logit_bias: { '50256': -100 } })).toBeUndefined();
  });
});
