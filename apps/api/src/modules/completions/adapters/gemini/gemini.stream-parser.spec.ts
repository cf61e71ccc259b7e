import { assembleChunks } from '../__testing__/assemble-chunks';
import { readFixture } from '../__testing__/fixtures';
import { testResponseContext } from '../__testing__/response-context';
import { feedInEverySplit, feedPieces } from '../__testing__/stream-feeding';
import { UpstreamProtocolError } from '../errors/upstream-protocol.error';
import { UpstreamStreamError } from '../errors/upstream-stream.error';
import { GeminiStreamParser } from './gemini.stream-parser';
import { thoughtSignatureOf } from './gemini.tool-call-id';

const parser = () => new GeminiStreamParser(testResponseContext());
const fixture = (name: string) => readFixture(__dirname, name);
const event = (data: object) => `data: ${JSON.stringify(data)}\r\n\r\n`;

describe('GeminiStreamParser', () => {
  it.each(['gemini-text.sse', 'gemini-tool-call.sse', 'gemini-prompt-blocked.sse'])(
    'yields identical chunks for %s however the text is split',
    (name) => {
      const [whole, ...others] = feedInEverySplit(parser, fixture(name));
      expect(whole.chunks.length).toBeGreaterThan(0);
      for (const other of others)
        expect({ label: other.label, chunks: other.chunks }).toEqual({ label: other.label, chunks: whole.chunks });
    },
  );

  it('streams text with the role on the first delta and a separate finish chunk', () => {
    const chunks = feedPieces(parser(), [fixture('gemini-text.sse')]);
    expect(chunks.map((chunk) => chunk.choices[0])).toEqual([
      { index: 0, delta: { role: 'assistant', content: 'There are **3**' }, finish_reason: null },
      { index: 0, delta: { content: ' "r"s in strawberry.\n\nst**r**awbe**rr**y' }, finish_reason: null },
      { index: 0, delta: {}, finish_reason: 'stop' },
    ]);
    expect(chunks[0]).toMatchObject({ id: 'chatcmpl-test123', object: 'chat.completion.chunk', model: 'client-model-alias' });
  });

  it('keeps the latest cumulative usage, thinking included', () => {
    const p = parser();
    const text = fixture('gemini-text.sse');
    p.push(text.slice(0, text.indexOf('data:', 10)));
    expect(p.usage?.completionUsage.completion_tokens).toBe(5 + 185);
    p.push(text.slice(text.indexOf('data:', 10)));
    p.end();
    expect(p.usage?.completionUsage).toEqual({
      prompt_tokens: 9,
      completion_tokens: 23 + 185,
      total_tokens: 217,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 185 },
    });
  });

  it('streams a function call as one complete tool-call delta and finishes with tool_calls', () => {
    const chunks = feedPieces(parser(), [fixture('gemini-tool-call.sse')]);
    const toolDeltas = chunks.flatMap((chunk) => chunk.choices[0].delta.tool_calls ?? []);
    expect(toolDeltas).toEqual([
      {
        index: 0,
        id: expect.stringMatching(/^call_test1__thought__/),
        type: 'function',
        function: { name: 'weather', arguments: '{"location":"San Francisco"}' },
      },
    ]);
    expect(thoughtSignatureOf(toolDeltas[0].id!)).toMatch(/^EqUCCqICAb4\+9vsh8Pd5/);
    const assembled = assembleChunks(chunks).get(0);
    expect(assembled).toMatchObject({ role: 'assistant', content: '', finishReason: 'tool_calls' });
  });

  it('numbers tool calls across events and candidates independently', () => {
    const call = (name: string) => ({ functionCall: { name, args: {} } });
    const stream =
      event({
        candidates: [
          { index: 0, content: { role: 'model', parts: [call('a')] } },
          { index: 1, content: { role: 'model', parts: [call('x')] } },
        ],
      }) +
      event({
        candidates: [
          { index: 0, content: { role: 'model', parts: [call('b')] }, finishReason: 'STOP' },
          { index: 1, finishReason: 'STOP' },
        ],
      });
    const choices = assembleChunks(feedPieces(parser(), [stream]));
    expect(choices.get(0)?.toolCalls.map((c) => c.function.name)).toEqual(['a', 'b']);
    expect(choices.get(1)?.toolCalls.map((c) => c.function.name)).toEqual(['x']);
    expect(choices.get(1)?.finishReason).toBe('tool_calls');
  });

  it('ends a blocked prompt with content_filter', () => {
    const p = parser();
    expect(feedPieces(p, [fixture('gemini-prompt-blocked.sse')]).map((chunk) => chunk.choices[0])).toEqual([
      { index: 0, delta: { role: 'assistant' }, finish_reason: 'content_filter' },
    ]);
    expect(p.usage?.completionUsage.prompt_tokens).toBe(9);
  });

  it('throws an in-band error as a stream error the caller can report', () => {
    let thrown: unknown;
    try {
      feedPieces(parser(), [fixture('gemini-error-midstream.sse')]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UpstreamStreamError);
    expect(thrown).toMatchObject({ errorType: 'UNAVAILABLE', retryable: true, message: expect.stringContaining('overloaded') });
  });

  it('treats a stream that ends before any finishReason as a protocol error', () => {
    expect(() => feedPieces(parser(), [fixture('gemini-truncated.sse')])).toThrow(UpstreamProtocolError);
  });
});
