import { MAX_MESSAGES, validateChatRequest } from './chat-request.validator';

const VALID = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] };

function paramOf(body: unknown): string | null {
  try {
    validateChatRequest(body);
    return 'valid';
  } catch (error) {
    expect(error).toMatchObject({ status: 400, type: 'invalid_request_error' });
    return (error as { param: string | null }).param;
  }
}

describe('validateChatRequest', () => {
  it('accepts a full OpenAI request', () => {
    const body = {
      ...VALID,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: [{ type: 'text', text: 'Rules' }] },
        {
          role: 'user',
          name: 'ann',
          content: [
            { type: 'text', text: 'Look' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA', detail: 'low' } },
          ],
        },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: '42' },
      ],
      tools: [
        {
          type: 'function',
          function: { name: 'f', description: 'd', parameters: { type: 'object', additionalProperties: false }, strict: true },
        },
      ],
      tool_choice: { type: 'function', function: { name: 'f' } },
      parallel_tool_calls: false,
      response_format: { type: 'json_schema', json_schema: { name: 'out', schema: { type: 'object' }, strict: true } },
      temperature: 0.5,
      top_p: 1,
      stop: ['\n'],
      max_completion_tokens: 100,
      seed: 7,
      n: 2,
      user: 'u-1',
      reasoning_effort: 'low',
      presence_penalty: 0,
      frequency_penalty: -1,
      logit_bias: { '50256': -100 },
      logprobs: true,
      top_logprobs: 3,
      stream: true,
      stream_options: { include_usage: true },
      store: false,
      metadata: { a: 'b' },
      service_tier: 'auto',
      max_tokens: null,
    };
    expect(validateChatRequest(body)).toBe(body);
  });

  it('accepts text-only modalities', () => {
    expect(paramOf({ ...VALID, modalities: ['text'] })).toBe('valid');
  });

  it.each([
    ['a non-object body', 'x', null],
    ['a missing model', { messages: VALID.messages }, 'model'],
    ['missing messages', { model: 'm' }, 'messages'],
    ['empty messages', { model: 'm', messages: [] }, 'messages'],
    [
      'more messages than the limit',
      { model: 'm', messages: Array.from({ length: MAX_MESSAGES + 1 }, () => 'not even checked') },
      'messages',
    ],
    ['a message that is not an object', { model: 'm', messages: ['hi'] }, 'messages.0'],
    ['an unknown role', { model: 'm', messages: [{ role: 'wizard', content: 'x' }] }, 'messages.0.role'],
    ['user content missing', { model: 'm', messages: [{ role: 'user' }] }, 'messages.0.content'],
    ['an audio part', { model: 'm', messages: [{ role: 'user', content: [{ type: 'input_audio' }] }] }, 'messages.0.content'],
    [
      'an image in a system message',
      { model: 'm', messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://x' } }] }] },
      'messages.0.content',
    ],
    [
      'an ftp image URL',
      { model: 'm', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'ftp://x' } }] }] },
      'messages.0.content',
    ],
    ['a tool message without tool_call_id', { model: 'm', messages: [{ role: 'tool', content: 'x' }] }, 'messages.0.tool_call_id'],
    ['tool_calls on a user message', { model: 'm', messages: [{ role: 'user', content: 'x', tool_calls: [] }] }, 'messages.0.tool_calls'],
    [
      'a tool call without a function name',
      { model: 'm', messages: [{ role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { arguments: '' } }] }] },
      'messages.0.tool_calls.0.function.name',
    ],
    ['an unknown message field', { model: 'm', messages: [{ role: 'user', content: 'x', audio: {} }] }, 'messages.0.audio'],
    ['temperature above 2', { ...VALID, temperature: 2.5 }, 'temperature'],
    ['top_p as a string', { ...VALID, top_p: '1' }, 'top_p'],
    ['max_tokens of 0', { ...VALID, max_tokens: 0 }, 'max_tokens'],
    ['a fractional n', { ...VALID, n: 1.5 }, 'n'],
    ['five stop sequences', { ...VALID, stop: ['a', 'b', 'c', 'd', 'e'] }, 'stop'],
    ['a bad tool name', { ...VALID, tools: [{ type: 'function', function: { name: 'bad name!' } }] }, 'tools.0.function.name'],
    ['a tool of another type', { ...VALID, tools: [{ type: 'web_search', function: { name: 'f' } }] }, 'tools.0.type'],
    ['a malformed tool_choice', { ...VALID, tool_choice: 'always' }, 'tool_choice'],
    ['json_schema without its schema object', { ...VALID, response_format: { type: 'json_schema' } }, 'response_format.json_schema'],
    ['an unknown reasoning effort', { ...VALID, reasoning_effort: 'extreme' }, 'reasoning_effort'],
    ['an unknown stream option', { ...VALID, stream_options: { include_everything: true } }, 'stream_options.include_everything'],
    ['an unknown top-level parameter', { ...VALID, functions: [] }, 'functions'],
    ['audio output in modalities', { ...VALID, modalities: ['text', 'audio'] }, 'modalities'],
    ['audio output settings', { ...VALID, audio: { voice: 'alloy', format: 'mp3' } }, 'audio'],
  ])('refuses %s, naming the field', (_case, body, param) => {
    expect(paramOf(body)).toBe(param);
  });
});
