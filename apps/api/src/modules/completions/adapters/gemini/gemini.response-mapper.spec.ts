import { readJsonFixture } from '../__testing__/fixtures';
import { testResponseContext } from '../__testing__/response-context';
import { UpstreamProtocolError } from '../errors/upstream-protocol.error';
import { mapGeminiResponse } from './gemini.response-mapper';
import { thoughtSignatureOf } from './gemini.tool-call-id';

const fixture = (name: string) => readJsonFixture(__dirname, name) as Record<string, unknown>;

describe('mapGeminiResponse', () => {
  it('maps a text candidate and counts thinking tokens as reasoning inside completion_tokens', () => {
    const { completion, usage } = mapGeminiResponse(fixture('gemini-text.json'), testResponseContext());
    expect(completion).toEqual({
      id: 'chatcmpl-test123',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'client-model-alias',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: "There are **3** r's in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y." },
          finish_reason: 'stop',
        },
      ],
      usage: usage?.completionUsage,
    });
    expect(usage).toEqual({
      completionUsage: {
        prompt_tokens: 9,
        completion_tokens: 28 + 244,
        total_tokens: 281,
        prompt_tokens_details: { cached_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 244 },
      },
      cacheWriteTokens: 0,
    });
  });

  it('maps function calls to tool calls with generated ids carrying the thought signature', () => {
    const { completion } = mapGeminiResponse(fixture('gemini-parallel-tool-calls.json'), testResponseContext());
    const choice = completion.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    const calls = choice.message.tool_calls!;
    expect(calls.map((call) => [call.type, call.function.name, JSON.parse(call.function.arguments)])).toEqual([
      ['function', 'weather', { location: 'San Francisco' }],
      ['function', 'weather', { location: 'Paris' }],
    ]);
    expect(calls[0].id).toMatch(/^call_test1__thought__/);
    expect(thoughtSignatureOf(calls[0].id)).toBe(
      'EskgCsYgAb4+9vtF7/499YQS2bjZs3xcQI+iAl+ILn29nK1j0Kg6su7QsUUUk3nrAAfnS2w5WiVvlcCqu9fAebJ2cvfaEyBahEt5',
    );
    expect(calls[1].id).toBe('call_test2');
  });

  it('generates OpenAI-style call ids when no generator is given', () => {
    const { completion } = mapGeminiResponse(fixture('gemini-parallel-tool-calls.json'), {
      ...testResponseContext(),
      newToolCallId: undefined,
    });
    expect(completion.choices[0].message.tool_calls![1].id).toMatch(/^call_[A-Za-z0-9]{24}$/);
  });

  it('maps a safety block to content_filter with null content', () => {
    const { completion, usage } = mapGeminiResponse(fixture('gemini-safety.json'), testResponseContext());
    expect(completion.choices).toEqual([{ index: 0, message: { role: 'assistant', content: null }, finish_reason: 'content_filter' }]);
    expect(usage?.completionUsage).toMatchObject({ prompt_tokens: 12, completion_tokens: 0 });
  });

  it('maps MAX_TOKENS to length, cached content to cached_tokens and adds tool-use prompt tokens', () => {
    const { completion, usage } = mapGeminiResponse(fixture('gemini-cached-max-tokens.json'), testResponseContext());
    expect(completion.choices[0]).toMatchObject({
      finish_reason: 'length',
      message: { content: 'Summary of the cached document: it describes the launch.' },
    });
    expect(usage?.completionUsage).toEqual({
      prompt_tokens: 4120 + 30,
      completion_tokens: 50,
      total_tokens: 4200,
      prompt_tokens_details: { cached_tokens: 4096 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
  });

  it.each([
    ['SAFETY', 'content_filter'],
    ['RECITATION', 'content_filter'],
    ['PROHIBITED_CONTENT', 'content_filter'],
    ['BLOCKLIST', 'content_filter'],
    ['SPII', 'content_filter'],
    ['MAX_TOKENS', 'length'],
    ['STOP', 'stop'],
    ['OTHER', 'stop'],
  ])('maps finishReason %s to %s', (finishReason, expected) => {
    const json = fixture('gemini-text.json');
    const candidate = { ...(json.candidates as object[])[0], finishReason };
    expect(mapGeminiResponse({ ...json, candidates: [candidate] }, testResponseContext()).completion.choices[0].finish_reason).toBe(
      expected,
    );
  });

  it('answers a blocked prompt with one content_filter choice', () => {
    const blocked = { promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: { promptTokenCount: 9, totalTokenCount: 9 } };
    expect(mapGeminiResponse(blocked, testResponseContext()).completion.choices).toEqual([
      { index: 0, message: { role: 'assistant', content: null }, finish_reason: 'content_filter' },
    ]);
  });

  it('rejects bodies with neither candidates nor a block reason', () => {
    expect(() => mapGeminiResponse({ usageMetadata: {} }, testResponseContext())).toThrow(UpstreamProtocolError);
    expect(() => mapGeminiResponse('nope', testResponseContext())).toThrow(UpstreamProtocolError);
  });
});
