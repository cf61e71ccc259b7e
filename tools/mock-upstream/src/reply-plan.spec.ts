import { buildReplyPlan, estimateTokens, sampleArgs, splitIntoPieces } from './reply-plan';
import type { ScriptedReply } from './types';

describe('reply plan', () => {
  const facts = { model: 'm', stream: false, includeUsage: false, promptChars: 40 };
  const defaults = { protocol: 'openai' as const, chunks: 4 };

  it('splits text into near-equal pieces without breaking a code point', () => {
    expect(splitIntoPieces('abcdefgh', 3)).toEqual(['ab', 'cde', 'fgh']);
    expect(splitIntoPieces('ab', 5)).toEqual(['a', 'b']);
    expect(splitIntoPieces('', 5)).toEqual([]);
    expect(splitIntoPieces('😀😀😀😀', 2)).toEqual(['😀😀', '😀😀']);
  });

  it('estimates about four characters a token, at least one', () => {
    expect([estimateTokens(0), estimateTokens(4), estimateTokens(5)]).toEqual([1, 1, 2]);
  });

  it('makes arguments that satisfy the required properties of a schema', () => {
    expect(
      sampleArgs({
        type: 'object',
        properties: {
          s: { type: 'string' },
          n: { type: 'number' },
          b: { type: 'boolean' },
          e: { enum: ['x'] },
          a: { type: 'array' },
          o: { type: 'object', properties: { i: { type: 'integer' } } },
          skip: { type: 'string' },
        },
        required: ['s', 'n', 'b', 'e', 'a', 'o'],
      }),
    ).toEqual({ s: 'mock', n: 1, b: true, e: 'x', a: [], o: { i: 1 } });
    expect(sampleArgs(undefined)).toEqual({});
  });

  it('counts completion tokens as the pieces produced and keeps totals consistent', () => {
    const plan = buildReplyPlan(facts, { text: 'abcdefgh', toolCalls: [{ name: 't', arguments: { a: 1 } }] }, defaults);
    expect(plan.textPieces).toHaveLength(4);
    expect(plan.toolCalls[0].argPieces.join('')).toBe('{"a":1}');
    expect(plan.usage).toEqual({ promptTokens: 10, completionTokens: 8, totalTokens: 18, cachedTokens: 0, cacheCreationTokens: 0 });
    expect(plan.finishReason).toBe('tool_calls');
  });

  it('truncates text first and drops tool calls that do not fit under the output cap', () => {
    const plan = buildReplyPlan(
      { ...facts, maxOutputTokens: 5 },
      { text: 'abcdefgh', toolCalls: [{ name: 't', arguments: { a: 1 } }] },
      defaults,
    );
    expect(plan.text).toBe('abcdefgh');
    expect(plan.toolCalls).toEqual([]);
    expect(plan.finishReason).toBe('length');
    expect(plan.usage!.completionTokens).toBe(4);
  });

  it('ends the reply where the first of the request’s stop sequences is complete, leaving it and the rest out', () => {
    const stopped = (stopSequences: string[], scripted: ScriptedReply = { text: 'one two END three ###' }) =>
      buildReplyPlan({ ...facts, stopSequences }, scripted, defaults);
    expect(stopped(['###', 'END'])).toMatchObject({ text: 'one two ', finishReason: 'stop', stopSequence: 'END' });
    // "two END" is complete before "END three" is; at a tie of ends the earlier start wins.
    expect(stopped(['END three', 'two END']).stopSequence).toBe('two END');
    expect(stopped(['o END', 'two END']).stopSequence).toBe('two END');
    expect(stopped(['nowhere'])).toMatchObject({ text: 'one two END three ###', stopSequence: undefined });
    // Nothing is generated after the stop, tool calls included; the output cap still counts first.
    const withCall = stopped(['END'], { text: 'one two END three ###', toolCalls: [{ name: 't', arguments: {} }] });
    expect(withCall).toMatchObject({ toolCalls: [], finishReason: 'stop', stopSequence: 'END' });
    expect(buildReplyPlan({ ...facts, stopSequences: ['END'], maxOutputTokens: 1 }, { text: 'one two END' }, defaults)).toMatchObject({
      finishReason: 'length',
      stopSequence: undefined,
    });
  });

  it('calls the forced tool when nothing is scripted', () => {
    const plan = buildReplyPlan(
      { ...facts, forcedTool: { name: 'go', parameters: { type: 'object', properties: { to: { type: 'string' } }, required: ['to'] } } },
      undefined,
      defaults,
    );
    expect(plan.text).toBe('');
    expect(plan.toolCalls.map((c) => [c.name, c.args])).toEqual([['go', { to: 'mock' }]]);
  });
});
