import type { ChatCompletionChunk, ChatCompletionChunkDelta } from '@apilink/contracts';
import { buildUpstreamUsage } from '../../completions/adapters/shared/usage';
import type { UpstreamStreamParser, UpstreamUsage } from '../../completions/adapters/upstream-adapter';
import { testCompletionContext } from '../../completions/__testing__/completion-context';
import { ChunkEventTranslator } from './chunk-event-translator';

const chunk = (delta: ChatCompletionChunkDelta, finish: string | null = null): ChatCompletionChunk =>
  ({
    id: 'c',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta, finish_reason: finish }],
  }) as ChatCompletionChunk;

/** A chat stream parser that yields scripted chunks: one batch per push, the rest at the end. */
function scripted(batches: ChatCompletionChunk[][], usage: UpstreamUsage | null): UpstreamStreamParser {
  return { push: () => batches.shift() ?? [], end: () => [], usage };
}

function translate(batches: ChatCompletionChunk[][], usage: UpstreamUsage | null = null, stop?: string[]) {
  const context = testCompletionContext(12);
  if (stop) context.request = { ...context.request, stop };
  const translator = new ChunkEventTranslator(scripted(batches, usage), context);
  const events = [];
  while (batches.length > 0) events.push(...translator.push('x'));
  events.push(...translator.end());
  return events;
}

describe('ChunkEventTranslator', () => {
  it('opens, fills and closes one block per run: thinking, text, then each tool call', () => {
    const events = translate(
      [
        [chunk({ role: 'assistant', content: '' })],
        [chunk({ reasoning_content: 'Hmm' }), chunk({ content: 'Hi' }), chunk({ content: '!' })],
        [chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'a', arguments: '' } }] })],
        [
          chunk({ tool_calls: [{ index: 0, function: { arguments: '{"x":' } }] }),
          chunk({ tool_calls: [{ index: 0, function: { arguments: '1}' } }] }),
        ],
        [chunk({ tool_calls: [{ index: 1, id: 'call_2', type: 'function', function: { name: 'b', arguments: '{}' } }] })],
        [chunk({}, 'tool_calls')],
      ],
      buildUpstreamUsage({ promptTokens: 1000, completionTokens: 500, cachedTokens: 0, reasoningTokens: 0, cacheWriteTokens: 0 }),
    );
    expect(events.map((event) => [event.type, event.index ?? null, (event.delta as { type?: string } | undefined)?.type ?? null])).toEqual([
      ['message_start', null, null],
      ['content_block_start', 0, null],
      ['content_block_delta', 0, 'thinking_delta'],
      ['content_block_stop', 0, null],
      ['content_block_start', 1, null],
      ['content_block_delta', 1, 'text_delta'],
      ['content_block_delta', 1, 'text_delta'],
      ['content_block_stop', 1, null],
      ['content_block_start', 2, null],
      ['content_block_delta', 2, 'input_json_delta'],
      ['content_block_delta', 2, 'input_json_delta'],
      ['content_block_stop', 2, null],
      ['content_block_start', 3, null],
      ['content_block_delta', 3, 'input_json_delta'],
      ['content_block_stop', 3, null],
      ['message_delta', null, null],
      ['message_stop', null, null],
    ]);
    expect(events[8].content_block).toEqual({ type: 'tool_use', id: 'call_1', name: 'a', input: {} });
    expect(events[0].message).toMatchObject({ id: 'msg_abc123', model: 'claude-sonnet-4-5', usage: { input_tokens: 12 } });
    // 1000 × $3/M + 500 × $15/M = 3000 + 7500 µ$
    expect(events.at(-2)).toMatchObject({
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: { input_tokens: 1000, output_tokens: 500, cost: '0.010500' },
    });
  });

  it('maps the finish reason and still ends with message_start..message_stop when the upstream sent nothing', () => {
    const events = translate([]);
    expect(events.map((event) => event.type)).toEqual(['message_start', 'message_delta', 'message_stop']);
    expect(events[1]).toMatchObject({ delta: { stop_reason: 'end_turn' }, usage: { input_tokens: 12, output_tokens: 0 } });
    expect(translate([[chunk({ content: 'cut' }, 'length')]]).at(-2)).toMatchObject({ delta: { stop_reason: 'max_tokens' } });
  });

  it('keeps one tool_use block when a provider repeats the call id on every delta', () => {
    const call = (args: string) =>
      chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'a', arguments: args } }] });
    const events = translate([[call('{"x"'), call(':1}')], [chunk({}, 'tool_calls')]]);
    expect(events.filter((event) => event.type === 'content_block_start')).toHaveLength(1);
    expect(
      events.filter((event) => event.type === 'content_block_delta').map((event) => (event.delta as { partial_json: string }).partial_json),
    ).toEqual(['{"x"', ':1}']);
  });

  it('ends with stop_sequence and its value where the upstream named the client sequence that stopped it, else end_turn', () => {
    const stopped = chunk({}, 'stop');
    stopped.choices[0].matched_stop = '###';
    const delta = (events: { type: string; delta?: unknown }[]) => events.find((event) => event.type === 'message_delta')?.delta;
    expect(delta(translate([[chunk({ content: 'Hi' })], [stopped]], null, ['END', '###']))).toEqual({
      stop_reason: 'stop_sequence',
      stop_sequence: '###',
    });
    // OpenAI and Gemini only say "stop"; a matched string the client did not send is not one of its stop sequences.
    const endTurn = { stop_reason: 'end_turn', stop_sequence: null };
    expect(delta(translate([[chunk({ content: 'Hi' }, 'stop')]], null, ['###']))).toEqual(endTurn);
    const other = chunk({}, 'stop');
    other.choices[0].matched_stop = '###';
    expect(delta(translate([[other]], null, ['END']))).toEqual(endTurn);
  });
});
