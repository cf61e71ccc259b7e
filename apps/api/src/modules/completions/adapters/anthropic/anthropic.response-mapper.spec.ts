import { readJsonFixture } from '../__testing__/fixtures';
import { testResponseContext } from '../__testing__/response-context';
import { UpstreamProtocolError } from '../errors/upstream-protocol.error';
import { mapAnthropicResponse } from './anthropic.response-mapper';

const fixture = (name: string) => readJsonFixture(__dirname, name) as Record<string, unknown>;

describe('mapAnthropicResponse', () => {
  it('maps a text message onto one OpenAI choice', () => {
    const { completion, usage } = mapAnthropicResponse(fixture('anthropic-text.json'), testResponseContext());
    expect(completion).toEqual({
      id: 'chatcmpl-test123',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'client-model-alias',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' }, finish_reason: 'stop' }],
      usage: usage?.completionUsage,
    });
    expect(usage?.completionUsage).toMatchObject({ prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 });
  });

  it('maps tool_use blocks to tool calls with JSON arguments', () => {
    const { completion } = mapAnthropicResponse(fixture('anthropic-tool-use.json'), testResponseContext());
    const choice = completion.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBe("I'll look that up.");
    expect(choice.message.tool_calls).toEqual([
      { id: 'toolu_01Q9ExVZnzZj7E2QQYHYtNUa', type: 'function', function: { name: 'json', arguments: expect.any(String) } },
    ]);
    expect(JSON.parse(choice.message.tool_calls![0].function.arguments).elements[1]).toEqual({
      location: 'London',
      temperature: 0,
      condition: 'snowy',
    });
  });

  it('sets content to null when the message holds only tool calls', () => {
    const json = fixture('anthropic-tool-use.json');
    const { completion } = mapAnthropicResponse({ ...json, content: (json.content as unknown[]).slice(1) }, testResponseContext());
    expect(completion.choices[0].message.content).toBeNull();
  });

  it('counts cache reads and writes into prompt_tokens and keeps writes for billing', () => {
    const { completion, usage } = mapAnthropicResponse(fixture('anthropic-cache-usage.json'), testResponseContext());
    expect(usage).toEqual({
      completionUsage: {
        prompt_tokens: 21 + 1800 + 188,
        completion_tokens: 393,
        total_tokens: 21 + 1800 + 188 + 393,
        prompt_tokens_details: { cached_tokens: 1800 },
        completion_tokens_details: { reasoning_tokens: 0 },
      },
      cacheWriteTokens: 188,
    });
    expect(completion.choices[0].finish_reason).toBe('stop');
  });

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    ['some_future_reason', 'stop'],
  ])('maps stop_reason %s to %s', (stopReason, finishReason) => {
    const { completion } = mapAnthropicResponse({ ...fixture('anthropic-text.json'), stop_reason: stopReason }, testResponseContext());
    expect(completion.choices[0].finish_reason).toBe(finishReason);
  });

  it('rejects bodies that are not messages', () => {
    expect(() => mapAnthropicResponse({ type: 'error', error: {} }, testResponseContext())).toThrow(UpstreamProtocolError);
  });
});
