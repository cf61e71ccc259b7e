import { assembleChunks } from '../__testing__/assemble-chunks';
import { readFixture } from '../__testing__/fixtures';
import { testResponseContext } from '../__testing__/response-context';
import { feedInEverySplit, feedPieces } from '../__testing__/stream-feeding';
import { UpstreamProtocolError } from '../errors/upstream-protocol.error';
import { UpstreamStreamError } from '../errors/upstream-stream.error';
import { createUsageChunk } from '../shared/openai-objects';
import { QUIRKS_PRESETS } from '../../../upstreams/providers/quirks-presets';
import { OPENAI_QUIRKS, type OpenAiCompatQuirks } from '../../../upstreams/providers/openai-compat.quirks';
import { OpenAiCompatStreamParser } from './openai-compat.stream-parser';

const parser = (quirks: OpenAiCompatQuirks = OPENAI_QUIRKS) => new OpenAiCompatStreamParser(testResponseContext(), quirks);
const fixture = (name: string) => readFixture(__dirname, name);

describe('OpenAiCompatStreamParser', () => {
  it.each(['openai-text.sse', 'openai-tool-call.sse', 'xai-reasoning-tool-call.sse'])(
    'yields identical chunks for %s however the text is split',
    (name) => {
      const [whole, ...others] = feedInEverySplit(() => parser(), fixture(name));
      expect(whole.chunks.length).toBeGreaterThan(2);
      for (const other of others)
        expect({ label: other.label, chunks: other.chunks }).toEqual({ label: other.label, chunks: whole.chunks });
    },
  );

  it("re-stamps every chunk with the gateway's identity and keeps usage out of them", () => {
    const chunks = feedPieces(parser(), [fixture('openai-text.sse')]);
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({
        id: 'chatcmpl-test123',
        object: 'chat.completion.chunk',
        created: 1_700_000_000,
        model: 'client-model-alias',
      });
      expect(chunk).not.toHaveProperty('usage');
      expect(chunk).not.toHaveProperty('obfuscation');
      expect(chunk.choices.length).toBe(1);
    }
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '', refusal: null });
    const text = assembleChunks(chunks).get(0);
    expect(text).toMatchObject({ role: 'assistant', content: '**Holiday Name:** Harmony Day', finishReason: 'stop' });
  });

  it('captures the usage-only final chunk for billing, which the caller can forward', () => {
    const p = parser();
    feedPieces(p, [fixture('openai-text.sse')]);
    expect(p.usage).toEqual({
      completionUsage: {
        prompt_tokens: 16,
        completion_tokens: 300,
        total_tokens: 316,
        prompt_tokens_details: { cached_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0 },
      },
      cacheWriteTokens: 0,
    });
    const usageChunk = createUsageChunk(testResponseContext(), p.usage!.completionUsage);
    expect(usageChunk).toMatchObject({ object: 'chat.completion.chunk', choices: [], usage: { total_tokens: 316 } });
  });

  it('reports no usage before the usage chunk arrives', () => {
    const p = parser();
    const text = fixture('openai-text.sse');
    p.push(text.slice(0, text.indexOf('"choices":[]')));
    expect(p.usage).toBeNull();
  });

  it('passes streamed tool calls through: id and name first, then argument pieces', () => {
    const chunks = feedPieces(parser(), [fixture('openai-tool-call.sse')]);
    const toolDeltas = chunks.flatMap((chunk) => chunk.choices[0].delta.tool_calls ?? []);
    expect(toolDeltas[0]).toEqual({
      index: 0,
      id: 'call_PieqNSej6kM9hgYbcQdbZSaC',
      type: 'function',
      function: { name: 'get_weather', arguments: '' },
    });
    expect(toolDeltas.slice(1).every((piece) => piece.id === undefined && piece.function?.name === undefined)).toBe(true);
    const assembled = assembleChunks(chunks).get(0);
    expect(assembled?.finishReason).toBe('tool_calls');
    expect(JSON.parse(assembled!.toolCalls[0].function.arguments)).toEqual({ location: 'Tokyo' });
  });

  it("adds xAI's reasoning tokens back into completion_tokens and keeps reasoning_content", () => {
    const p = parser(QUIRKS_PRESETS.get('xai')!);
    const chunks = feedPieces(p, [fixture('xai-reasoning-tool-call.sse')]);
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    expect(assembleChunks(chunks).get(0)?.reasoning).toBe('First, the user is asking about the weather');
    expect(p.usage?.completionUsage).toMatchObject({
      prompt_tokens: 307,
      completion_tokens: 253,
      total_tokens: 560,
      prompt_tokens_details: { cached_tokens: 306 },
      completion_tokens_details: { reasoning_tokens: 227 },
    });
  });

  it('adds the assistant role to the first delta of providers that omit it', () => {
    const stream =
      'data: {"choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\ndata: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"x_groq":{"usage":{"prompt_tokens":3,"completion_tokens":1}}}\n\ndata: [DONE]\n\n';
    const p = parser();
    const chunks = feedPieces(p, [stream]);
    expect(chunks.map((chunk) => chunk.choices[0].delta)).toEqual([{ role: 'assistant', content: 'Hi' }, {}]);
    expect(p.usage?.completionUsage.total_tokens).toBe(4);
  });

  it('throws an in-band error the caller can turn into a final error event', () => {
    const p = parser();
    let thrown: unknown;
    try {
      feedPieces(p, [fixture('openai-midstream-error.sse')]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UpstreamStreamError);
    expect(thrown).toMatchObject({
      message: expect.stringContaining('The server had an error'),
      errorType: 'server_error',
      retryable: true,
    });
  });

  it('treats a stream that stops before finishing as a protocol error', () => {
    expect(() => feedPieces(parser(), [fixture('openai-truncated.sse')])).toThrow(UpstreamProtocolError);
  });

  it('treats malformed JSON as a protocol error', () => {
    expect(() => parser().push('data: {"choices":[\n\n')).toThrow(UpstreamProtocolError);
  });

  it("keeps the stop sequence a vLLM or SGLang server names on a stopped choice, and nothing else's", () => {
    const frame = (choice: object) =>
      `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: {}, ...choice }] })}\n\n`;
    const finish = (choice: object) => feedPieces(parser(), [frame(choice), 'data: [DONE]\n\n'])[0].choices[0];
    expect(finish({ finish_reason: 'stop', stop_reason: '###' }).matched_stop).toBe('###');
    expect(finish({ finish_reason: 'stop', matched_stop: 'END' }).matched_stop).toBe('END');
    // A token id, a natural end (null) and a length cut carry no sequence.
    expect(finish({ finish_reason: 'stop', stop_reason: 128009 })).not.toHaveProperty('matched_stop');
    expect(finish({ finish_reason: 'stop', stop_reason: null })).not.toHaveProperty('matched_stop');
    expect(finish({ finish_reason: 'length', stop_reason: '###' })).not.toHaveProperty('matched_stop');
  });
});
