import { UpstreamProtocolError } from '../../completions/adapters/errors/upstream-protocol.error';
import { UpstreamStreamError } from '../../completions/adapters/errors/upstream-stream.error';
import { testCompletionContext } from '../../completions/__testing__/completion-context';
import { ResponseStreamState } from '../output/response-stream-state';
import { OpenAiResponsesEventParser } from './openai-responses-event-parser';

let sequence = 0;
const frame = (data: Record<string, unknown>) =>
  `event: ${String(data.type)}\ndata: ${JSON.stringify({ ...data, sequence_number: sequence++ })}\n\n`;
const shell = (extra: Record<string, unknown> = {}) => ({
  id: 'resp_up',
  object: 'response',
  model: 'gpt-5-2025-08-07',
  output: [],
  ...extra,
});

function setUp() {
  sequence = 0;
  const state = new ResponseStreamState({ model: 'claude-sonnet-4-5', input: 'Hi' }, 'resp_gateway', 1);
  return { state, parser: new OpenAiResponsesEventParser(state, testCompletionContext()) };
}

describe('OpenAiResponsesEventParser', () => {
  it('passes events through with the client model and the cost added, reading usage for billing', () => {
    const { state, parser } = setUp();
    const reasoning = { id: 'rs_1', type: 'reasoning', summary: [], encrypted_content: 'gAAAAAxyz' };
    const text = [
      frame({ type: 'response.created', response: shell({ status: 'in_progress' }) }),
      frame({ type: 'response.output_item.done', output_index: 0, item: reasoning }),
      frame({ type: 'response.output_text.delta', item_id: 'msg_1', output_index: 1, content_index: 0, delta: 'Hi', logprobs: [] }),
      frame({
        type: 'response.completed',
        response: shell({
          status: 'completed',
          usage: {
            input_tokens: 1000,
            input_tokens_details: { cached_tokens: 600 },
            output_tokens: 200,
            output_tokens_details: { reasoning_tokens: 150 },
            total_tokens: 1200,
          },
        }),
      }),
    ].join('');
    // Split mid-event: the decoder waits for the rest.
    const events = [...parser.push(text.slice(0, 70)), ...parser.push(text.slice(70)), ...parser.end()];
    expect(events.map((event) => [event.type, event.sequence_number])).toEqual([
      ['response.created', 0],
      ['response.output_item.done', 1],
      ['response.output_text.delta', 2],
      ['response.completed', 3],
    ]);
    expect(events[0].response).toMatchObject({ id: 'resp_up', model: 'claude-sonnet-4-5' });
    expect(events[1].item).toEqual(reasoning);
    // (400 × $3 + 600 × $0.30 + 200 × $15) / 1M
    expect((events[3].response as { usage: unknown }).usage).toEqual({
      input_tokens: 1000,
      input_tokens_details: { cached_tokens: 600, cache_write_tokens: 0 },
      output_tokens: 200,
      output_tokens_details: { reasoning_tokens: 150 },
      total_tokens: 1200,
      cost: '0.004380',
    });
    expect(parser.usage?.completionUsage).toMatchObject({
      prompt_tokens: 1000,
      completion_tokens: 200,
      prompt_tokens_details: { cached_tokens: 600 },
      completion_tokens_details: { reasoning_tokens: 150 },
    });
    // A failure written after these events continues the upstream's numbering under its id.
    expect(state.id).toBe('resp_up');
    expect(state.nextSequence()).toBe(4);
  });

  it('throws the upstream in-band error, retryable when it is a server error', () => {
    const { parser } = setUp();
    parser.push(frame({ type: 'response.created', response: shell() }));
    expect(() => parser.push(frame({ type: 'error', code: 'server_error', message: 'Oops', param: null }))).toThrow(
      expect.objectContaining({ constructor: UpstreamStreamError, retryable: true, message: 'Oops' }),
    );
    const failed = setUp().parser;
    expect(() =>
      failed.push(
        frame({ type: 'response.failed', response: shell({ status: 'failed', error: { code: 'invalid_prompt', message: 'No' } }) }),
      ),
    ).toThrow(expect.objectContaining({ constructor: UpstreamStreamError, retryable: false, message: 'No' }));
  });

  it('treats a stream without response.completed as cut short', () => {
    const { parser } = setUp();
    parser.push(frame({ type: 'response.created', response: shell() }));
    expect(() => parser.end()).toThrow(UpstreamProtocolError);
  });
});
