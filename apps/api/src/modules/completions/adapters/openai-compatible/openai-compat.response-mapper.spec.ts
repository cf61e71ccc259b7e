import { readJsonFixture } from '../__testing__/fixtures';
import { testResponseContext } from '../__testing__/response-context';
import { UpstreamProtocolError } from '../errors/upstream-protocol.error';
import { QUIRKS_PRESETS } from '../../../upstreams/providers/quirks-presets';
import { OPENAI_QUIRKS } from '../../../upstreams/providers/openai-compat.quirks';
import { mapOpenAiCompatResponse } from './openai-compat.response-mapper';

const fixture = (name: string) => readJsonFixture(__dirname, name);

describe('mapOpenAiCompatResponse', () => {
  it("re-stamps the completion with the gateway's id, time and the client's model", () => {
    const { completion } = mapOpenAiCompatResponse(fixture('openai-text.json'), testResponseContext(), OPENAI_QUIRKS);
    expect(completion).toMatchObject({
      id: 'chatcmpl-test123',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'client-model-alias',
    });
    expect(completion.choices).toEqual([
      {
        index: 0,
        message: {
          role: 'assistant',
          content: expect.stringContaining('**Holiday Name:** Galaxy Day'),
          refusal: null,
        },
        finish_reason: 'stop',
        logprobs: null,
      },
    ]);
    expect(completion).not.toHaveProperty('system_fingerprint');
  });

  it('keeps tool calls and the tool_calls finish reason', () => {
    const { completion } = mapOpenAiCompatResponse(fixture('openai-tool-call.json'), testResponseContext(), OPENAI_QUIRKS);
    expect(completion.choices[0].finish_reason).toBe('tool_calls');
    expect(completion.choices[0].message).toMatchObject({
      content: null,
      tool_calls: [
        { id: 'call_qOfTGgDrItLORNfC6VwUbyLL', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Shanghai"}' } },
      ],
    });
  });

  it('returns usage for the client and for billing', () => {
    const { completion, usage } = mapOpenAiCompatResponse(fixture('openai-text.json'), testResponseContext(), OPENAI_QUIRKS);
    expect(usage).toEqual({
      completionUsage: {
        prompt_tokens: 16,
        completion_tokens: 363,
        total_tokens: 379,
        prompt_tokens_details: { cached_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0 },
      },
      cacheWriteTokens: 0,
    });
    expect(completion.usage).toEqual(usage?.completionUsage);
  });

  it("reads DeepSeek's cache hits from prompt_cache_hit_tokens when the details object is missing", () => {
    for (const name of ['deepseek-cache-hit.json', 'deepseek-cache-hit-legacy.json']) {
      const { usage } = mapOpenAiCompatResponse(fixture(name), testResponseContext(), QUIRKS_PRESETS.get('deepseek')!);
      expect(usage?.completionUsage.prompt_tokens).toBe(1600);
      expect(usage?.completionUsage.prompt_tokens_details?.cached_tokens).toBe(1536);
    }
  });

  it('returns null usage when the upstream reported none', () => {
    const json = { ...(fixture('openai-text.json') as object), usage: undefined };
    const { completion, usage } = mapOpenAiCompatResponse(json, testResponseContext(), OPENAI_QUIRKS);
    expect(usage).toBeNull();
    expect(completion).not.toHaveProperty('usage');
  });

  it('rejects bodies that are not chat completions', () => {
    expect(() => mapOpenAiCompatResponse({ object: 'list' }, testResponseContext(), OPENAI_QUIRKS)).toThrow(UpstreamProtocolError);
    expect(() => mapOpenAiCompatResponse({ choices: [{ index: 0 }] }, testResponseContext(), OPENAI_QUIRKS)).toThrow(
      'choice 0 without a message',
    );
  });
});
