import { countPromptTokens, countTextTokens } from './token-counter';

describe('token counting', () => {
  it('counts text with the o200k tokenizer', () => {
    expect(countTextTokens('Hello world')).toBe(2);
    expect(countTextTokens('')).toBe(0);
  });

  it('counts special-token text in customer input as plain text instead of throwing', () => {
    expect(countTextTokens('a <|endoftext|> b')).toBeGreaterThan(3);
  });

  it('adds the per-message framing, names, images, tool calls and tool definitions', () => {
    const base = countPromptTokens({ messages: [{ role: 'user', content: 'Hello world' }] });
    expect(base).toBe(3 + 3 + 2);
    const named = countPromptTokens({ messages: [{ role: 'user', content: 'Hello world', name: 'ann' }] });
    expect(named).toBe(base + 1);
    const withImage = countPromptTokens({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Hello world' },
            { type: 'image_url', image_url: { url: 'https://x.test/a.png' } },
          ],
        },
      ],
    });
    expect(withImage).toBe(base + 765);
    const withTools = countPromptTokens({
      messages: [{ role: 'user', content: 'Hello world' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } }],
    });
    expect(withTools).toBeGreaterThan(base + 5);
    const withCall = countPromptTokens({
      messages: [
        { role: 'user', content: 'Hello world' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] },
      ],
    });
    expect(withCall).toBeGreaterThan(base + 3);
  });
});
