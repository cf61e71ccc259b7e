import { countTokens } from 'gpt-tokenizer';
import { BoundedTokenCount } from './bounded-token-count';
import { countPromptTokens, countTextTokens } from './token-counter';

const exact = (text: string) => countTokens(text, { disallowedSpecial: new Set() });
/** A budget no test reaches, so exact counts do not depend on how busy the machine is. */
const unhurried = () => new BoundedTokenCount(60_000);

describe('token counting', () => {
  it('counts text with the o200k tokenizer', () => {
    expect(unhurried().addText('Hello world').tokens).toBe(2);
    expect(countTextTokens('')).toBe(0);
  });

  it('counts special-token text in customer input as plain text instead of throwing', () => {
    expect(countTextTokens('a <|endoftext|> b')).toBeGreaterThan(3);
  });

  it('adds the per-message framing, names, images, tool calls and tool definitions', () => {
    const base = countPromptTokens({ messages: [{ role: 'user', content: 'Hello world' }] }, unhurried());
    expect(base).toEqual({ tokens: 3 + 3 + 2, upperBound: 3 + 3 + 2, estimated: false });
    const named = countPromptTokens({ messages: [{ role: 'user', content: 'Hello world', name: 'ann' }] }, unhurried());
    expect(named.tokens).toBe(base.tokens + 1);
    const withImage = countPromptTokens(
      {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Hello world' },
              { type: 'image_url', image_url: { url: 'https://x.test/a.png' } },
            ],
          },
        ],
      },
      unhurried(),
    );
    expect(withImage.tokens).toBe(base.tokens + 765);
    const withTools = countPromptTokens(
      {
        messages: [{ role: 'user', content: 'Hello world' }],
        tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } }],
      },
      unhurried(),
    );
    expect(withTools.tokens).toBeGreaterThan(base.tokens + 5);
    const withCall = countPromptTokens(
      {
        messages: [
          { role: 'user', content: 'Hello world' },
          { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] },
        ],
      },
      unhurried(),
    );
    expect(withCall.tokens).toBeGreaterThan(base.tokens + 3);
  });

  it('stays exact on long ordinary text, which it counts in pieces', () => {
    const prose = 'The quick brown fox jumps over the lazy dog.\nIt was 12,345 degrees — naïve café, 你好世界. '.repeat(300);
    const count = unhurried();
    count.addText(prose);
    expect(count.result).toEqual({ tokens: exact(prose), upperBound: exact(prose), estimated: false });
  });

  it('counts a long run of one character in bounded pieces, never below the exact count', () => {
    for (const run of ['A'.repeat(20_000), '😀'.repeat(5_000), ' '.repeat(5_000), '\n'.repeat(5_000), '9'.repeat(5_000)]) {
      const count = unhurried();
      count.addText(run);
      expect(count.result.estimated).toBe(false);
      expect(count.result.upperBound).toBeGreaterThanOrEqual(exact(run));
    }
  });

  it('past its time budget estimates the rest, with an upper bound of one token per UTF-8 byte', () => {
    let clock = 0;
    const count = new BoundedTokenCount(10, () => clock);
    count.addTokens(3);
    count.addText('Hello world');
    clock = 10;
    count.addText('😀'.repeat(1000));
    // 2 tokens for 11 characters: the 2,000 UTF-16 units of emoji are estimated at that rate.
    expect(count.result).toEqual({ tokens: 3 + 2 + Math.ceil((2000 * 2) / 11), upperBound: 3 + 2 + 4000, estimated: true });
    expect(count.result.upperBound).toBeGreaterThanOrEqual(3 + 2 + exact('😀'.repeat(1000)));
  });

  it('gives each text its own figures while the texts share one budget', () => {
    let clock = 0;
    const count = new BoundedTokenCount(10, () => clock);
    expect(count.addText('Hello world')).toEqual({ tokens: 2, upperBound: 2, estimated: false });
    clock = 10;
    expect(count.addText('Hello there')).toEqual({ tokens: Math.ceil((11 * 2) / 11), upperBound: 11, estimated: true });
    expect(count.result).toEqual({ tokens: 4, upperBound: 13, estimated: true });
  });

  it('says when a prompt was estimated, and never lets the estimate exceed the upper bound', () => {
    const prompt = countPromptTokens({ messages: [{ role: 'user', content: 'Hello world' }] }, new BoundedTokenCount(0));
    expect(prompt).toEqual({ tokens: 3 + 3 + Math.ceil(11 * 0.25), upperBound: 3 + 3 + 11, estimated: true });
  });
});
