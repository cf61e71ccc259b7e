import { assembleChunks } from '../__testing__/assemble-chunks';
import { readFixture, readJsonFixture } from '../__testing__/fixtures';
import { testResponseContext } from '../__testing__/response-context';
import { feedInEverySplit, feedPieces } from '../__testing__/stream-feeding';
import { UpstreamProtocolError } from '../errors/upstream-protocol.error';
import { UpstreamStreamError } from '../errors/upstream-stream.error';
import { mapAnthropicResponse } from './anthropic.response-mapper';
import { AnthropicStreamParser } from './anthropic.stream-parser';

const parser = () => new AnthropicStreamParser(testResponseContext());
const fixture = (name: string) => readFixture(__dirname, name);

describe('AnthropicStreamParser', () => {
  it.each(['anthropic-text.sse', 'anthropic-tool-use.sse', 'anthropic-refusal.sse', 'anthropic-cache-max-tokens.sse'])(
    'yields identical chunks for %s however the text is split',
    (name) => {
      const [whole, ...others] = feedInEverySplit(parser, fixture(name));
      expect(whole.chunks.length).toBeGreaterThan(1);
      for (const other of others)
        expect({ label: other.label, chunks: other.chunks }).toEqual({ label: other.label, chunks: whole.chunks });
    },
  );

  it('opens with an assistant role delta and streams text deltas as content', () => {
    const chunks = feedPieces(parser(), [fixture('anthropic-text.sse')]);
    expect(chunks[0]).toEqual({
      id: 'chatcmpl-test123',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: 'client-model-alias',
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
    });
    expect(chunks[1].choices[0].delta).toEqual({ content: 'Hello' });
    expect(chunks[chunks.length - 1].choices[0]).toEqual({ index: 0, delta: {}, finish_reason: 'stop' });
    expect(assembleChunks(chunks).get(0)?.content).toBe(
      "Hello! I'm doing well, thank you for asking. How are you doing today? Is there anything I can help you with?",
    );
  });

  it('returns chunks as soon as their event is complete', () => {
    const p = parser();
    const text = fixture('anthropic-text.sse');
    const firstDelta = text.indexOf('event: content_block_delta');
    expect(p.push(text.slice(0, firstDelta))).toHaveLength(1);
    const afterFirstDelta = text.indexOf('event: content_block_delta', firstDelta + 1);
    expect(p.push(text.slice(firstDelta, afterFirstDelta)).map((c) => c.choices[0].delta)).toEqual([{ content: 'Hello' }]);
  });

  it('streams a tool call as index/id/name first, then argument pieces', () => {
    const chunks = feedPieces(parser(), [fixture('anthropic-tool-use.sse')]);
    const toolDeltas = chunks.flatMap((chunk) => chunk.choices[0].delta.tool_calls ?? []);
    expect(toolDeltas[0]).toEqual({
      index: 0,
      id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6',
      type: 'function',
      function: { name: 'get_weather', arguments: '' },
    });
    expect(toolDeltas.slice(1)).toEqual(
      ['{"location":', ' "San', ' Francisc', 'o,', ' CA"', ', ', '"unit": "fah', 'renheit"}'].map((piece) => ({
        index: 0,
        function: { arguments: piece },
      })),
    );
    const assembled = assembleChunks(chunks).get(0);
    expect(assembled?.content).toBe("Okay, let's check the weather for San Francisco, CA:");
    expect(assembled?.finishReason).toBe('tool_calls');
    expect(JSON.parse(assembled!.toolCalls[0].function.arguments)).toEqual({ location: 'San Francisco, CA', unit: 'fahrenheit' });
  });

  it('numbers tool calls by their order among tool calls, not by content block', () => {
    const event = (data: object) => `event: x\ndata: ${JSON.stringify(data)}\n\n`;
    const stream = [
      event({ type: 'message_start', message: { usage: { input_tokens: 5, output_tokens: 1 } } }),
      event({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
      event({ type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_a', name: 'a', input: {} } }),
      event({ type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'toolu_b', name: 'b', input: {} } }),
      event({ type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{}' } }),
      event({ type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 9 } }),
      event({ type: 'message_stop' }),
    ].join('');
    const calls = assembleChunks(feedPieces(parser(), [stream])).get(0)!.toolCalls;
    expect(calls.map((call) => [call.id, call.function.name, call.function.arguments])).toEqual([
      ['toolu_a', 'a', ''],
      ['toolu_b', 'b', '{}'],
    ]);
  });

  it('takes input tokens from message_start and output tokens from message_delta', () => {
    const p = parser();
    const text = fixture('anthropic-tool-use.sse');
    p.push(text.slice(0, text.indexOf('event: content_block_start')));
    expect(p.usage?.completionUsage).toMatchObject({ prompt_tokens: 472, completion_tokens: 2 });
    p.push(text.slice(text.indexOf('event: content_block_start')));
    p.end();
    expect(p.usage?.completionUsage).toMatchObject({ prompt_tokens: 472, completion_tokens: 89, total_tokens: 561 });
  });

  it('keeps cache reads and writes from message_start when message_delta only updates output', () => {
    const p = parser();
    const chunks = feedPieces(p, [fixture('anthropic-cache-max-tokens.sse')]);
    // The same message fetched without streaming must bill identically.
    const { usage } = mapAnthropicResponse(readJsonFixture(__dirname, 'anthropic-cache-usage.json'), testResponseContext());
    expect(p.usage).toEqual(usage);
    expect(p.usage?.cacheWriteTokens).toBe(188);
    expect(assembleChunks(chunks).get(0)?.finishReason).toBe('length');
  });

  it('maps a refusal to content_filter', () => {
    expect(assembleChunks(feedPieces(parser(), [fixture('anthropic-refusal.sse')])).get(0)?.finishReason).toBe('content_filter');
  });

  it('throws the in-band error event as a retryable stream error after delivering earlier text', () => {
    const p = parser();
    const text = fixture('anthropic-overloaded-midstream.sse');
    const errorAt = text.indexOf('event: error');
    expect(assembleChunks(p.push(text.slice(0, errorAt))).get(0)?.content).toBe('Hello! I');
    let thrown: unknown;
    try {
      p.push(text.slice(errorAt));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UpstreamStreamError);
    expect(thrown).toMatchObject({ message: 'Overloaded', errorType: 'overloaded_error', retryable: true });
  });

  it('treats a stream that ends before message_stop as a protocol error', () => {
    expect(() => feedPieces(parser(), [fixture('anthropic-truncated.sse')])).toThrow(UpstreamProtocolError);
  });

  it('rejects content that arrives before message_start', () => {
    const delta = 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"x"}}\n\n';
    expect(() => parser().push(delta)).toThrow('before message_start');
  });
});
