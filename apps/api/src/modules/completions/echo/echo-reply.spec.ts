import { planEchoReply } from './echo-reply';

describe('planEchoReply', () => {
  it('echoes the last user message with counted usage', () => {
    const reply = planEchoReply({ model: 'echo', messages: [{ role: 'user', content: 'Hello world' }] });
    expect(reply).toMatchObject({ text: 'Echo: Hello world', toolCall: null, finishReason: 'stop' });
    expect(reply.promptTokens).toBeGreaterThan(0);
    expect(reply.completionTokens).toBe(4);
  });

  it('marks images in the echo', () => {
    const reply = planEchoReply({
      model: 'echo',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'look' },
            { type: 'image_url', image_url: { url: 'https://x.test/a.png' } },
          ],
        },
      ],
    });
    expect(reply.text).toBe('Echo: look [image]');
  });

  it('calls a forced tool and acknowledges its result', () => {
    const tools = [{ type: 'function' as const, function: { name: 'lookup' } }];
    const call = planEchoReply({ model: 'echo', messages: [{ role: 'user', content: 'find x' }], tools, tool_choice: 'required' });
    expect(call).toMatchObject({ finishReason: 'tool_calls', toolCall: { name: 'lookup', arguments: '{"text":"find x"}' } });
    const answer = planEchoReply({
      model: 'echo',
      tools,
      tool_choice: 'required',
      messages: [
        { role: 'user', content: 'find x' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'x is 42' },
      ],
    });
    expect(answer.text).toBe('Tool result received: x is 42');
  });

  it('stops at max_tokens with finish_reason length', () => {
    const reply = planEchoReply({ model: 'echo', messages: [{ role: 'user', content: 'one two three four five six' }], max_tokens: 3 });
    expect(reply).toMatchObject({ finishReason: 'length', completionTokens: 3 });
  });
});
