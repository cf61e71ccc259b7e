import { openAiResponsesNativeRequest } from './openai-responses-native-request';

const TARGET = { protocol: 'openai' as const, baseUrl: 'https://api.openai.com/v1/', apiKey: 'sk-up', upstreamModel: 'gpt-5-2025-08-07' };
const REQUEST = {
  model: 'openai/gpt-5',
  input: [
    { role: 'user' as const, content: 'Hi' },
    { type: 'reasoning' as const, id: 'rs_1', summary: [], encrypted_content: 'gAAAAAxyz' },
  ],
  include: ['reasoning.encrypted_content'],
  store: true,
  stream: true,
  stream_options: { include_obfuscation: false },
  service_tier: 'priority',
};

describe('openAiResponsesNativeRequest', () => {
  it('sends the body as is to /responses but for the model, store false and price-changing service tiers', () => {
    const request = openAiResponsesNativeRequest(REQUEST as never, TARGET, { stream: true, defaultMaxTokens: 100 });
    expect(request.url).toBe('https://api.openai.com/v1/responses');
    expect(request.headers).toMatchObject({ authorization: 'Bearer sk-up', accept: 'text/event-stream' });
    expect(JSON.parse(request.body)).toEqual({
      model: 'gpt-5-2025-08-07',
      input: REQUEST.input,
      include: ['reasoning.encrypted_content'],
      store: false,
      stream: true,
      stream_options: { include_obfuscation: false },
    });
    expect(request.droppedParams).toEqual(['service_tier']);
  });

  it('leaves stream and its options out of a JSON request', () => {
    const { stream: _stream, service_tier: _tier, ...plain } = REQUEST;
    const body = JSON.parse(openAiResponsesNativeRequest(plain as never, TARGET, { stream: false, defaultMaxTokens: 100 }).body);
    expect(body).not.toHaveProperty('stream');
    expect(body).not.toHaveProperty('stream_options');
    expect(body.store).toBe(false);
  });

  it('leaves out reasoning items without encrypted_content, which OpenAI cannot look up when nothing is stored', () => {
    const input = [
      { type: 'reasoning' as const, id: 'rs_0', summary: [] },
      { role: 'user' as const, content: 'Hi' },
      { type: 'reasoning' as const, id: 'rs_1', summary: [], encrypted_content: 'gAAAAAxyz' },
    ];
    const body = JSON.parse(openAiResponsesNativeRequest({ model: 'm', input }, TARGET, { stream: false, defaultMaxTokens: 100 }).body);
    expect(body.input).toEqual(input.slice(1));
  });
});
