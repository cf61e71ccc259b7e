import { UpstreamProtocolError } from '../../completions/adapters/errors/upstream-protocol.error';
import { UpstreamStreamError } from '../../completions/adapters/errors/upstream-stream.error';
import { testCompletionContext } from '../../completions/__testing__/completion-context';
import { AnthropicEventParser } from './anthropic-event-parser';

const frame = (data: object) => `event: ${(data as { type: string }).type}\ndata: ${JSON.stringify(data)}\n\n`;

describe('AnthropicEventParser', () => {
  it('passes events through with the client model and cost added, reading usage for billing', () => {
    const parser = new AnthropicEventParser(testCompletionContext());
    const text = [
      frame({
        type: 'message_start',
        message: {
          id: 'msg_up',
          model: 'claude-sonnet-4-5-20250929',
          usage: { input_tokens: 300, cache_read_input_tokens: 600, cache_creation_input_tokens: 100, output_tokens: 1 },
        },
      }),
      frame({ type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } }),
      frame({ type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'c2ln' } }),
      frame({ type: 'ping' }),
      frame({ type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 200 } }),
      frame({ type: 'message_stop' }),
    ].join('');
    // Split mid-event: the decoder waits for the rest.
    const events = [...parser.push(text.slice(0, 50)), ...parser.push(text.slice(50)), ...parser.end()];
    expect(events.map((event) => event.type)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'ping',
      'message_delta',
      'message_stop',
    ]);
    expect(events[0]).toMatchObject({ message: { id: 'msg_up', model: 'claude-sonnet-4-5' } });
    expect(events[2]).toEqual({ type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'c2ln' } });
    expect(events[4].usage).toEqual({
      input_tokens: 300,
      cache_read_input_tokens: 600,
      cache_creation_input_tokens: 100,
      output_tokens: 200,
      cost: '0.004455',
    });
    expect(parser.usage?.completionUsage).toMatchObject({
      prompt_tokens: 1000,
      completion_tokens: 200,
      prompt_tokens_details: { cached_tokens: 600 },
    });
    expect(parser.usage?.cacheWriteTokens).toBe(100);
  });

  it('throws the upstream in-band error, retryable when it is an overload', () => {
    const parser = new AnthropicEventParser(testCompletionContext());
    parser.push(frame({ type: 'message_start', message: { usage: {} } }));
    expect(() => parser.push(frame({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }))).toThrow(
      expect.objectContaining({ constructor: UpstreamStreamError, retryable: true, message: 'Overloaded' }),
    );
  });

  it('treats a stream without message_stop as cut short', () => {
    const parser = new AnthropicEventParser(testCompletionContext());
    parser.push(frame({ type: 'message_start', message: { usage: {} } }));
    expect(() => parser.end()).toThrow(UpstreamProtocolError);
  });
});
