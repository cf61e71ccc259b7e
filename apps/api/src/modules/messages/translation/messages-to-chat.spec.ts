import type { MessagesRequest } from '../wire/anthropic-messages.types';
import { messagesToChat } from './messages-to-chat';

describe('messagesToChat', () => {
  it('maps system, tool turns, images and options to the chat form', () => {
    const request: MessagesRequest = {
      model: 'm',
      max_tokens: 100,
      system: [
        { type: 'text', text: 'A' },
        { type: 'text', text: 'B' },
      ],
      messages: [
        { role: 'user', content: 'Weather?' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'hm', signature: 's' },
            { type: 'text', text: 'Checking.' },
            { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Oslo' } },
          ],
        },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_1',
              content: [
                { type: 'text', text: 'sunny' },
                { type: 'image', source: { type: 'url', url: 'https://x/y.png' } },
              ],
            },
            { type: 'text', text: 'And?' },
          ],
        },
      ],
      tools: [
        { name: 'weather', description: 'w', input_schema: { type: 'object' } },
        { type: 'web_search_20250305' as 'custom', name: 'web', input_schema: {} },
      ],
      tool_choice: { type: 'any', disable_parallel_tool_use: true },
      stop_sequences: ['END'],
      temperature: 0.5,
      top_k: 3,
      stream: true,
    };
    expect(messagesToChat(request, 50)).toEqual({
      model: 'm',
      max_tokens: 50,
      stream: true,
      stream_options: { include_usage: true },
      messages: [
        { role: 'system', content: 'A\n\nB' },
        { role: 'user', content: 'Weather?' },
        {
          role: 'assistant',
          content: 'Checking.',
          tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } }],
        },
        { role: 'tool', tool_call_id: 'toolu_1', content: 'sunny' },
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: 'https://x/y.png' } },
            { type: 'text', text: 'And?' },
          ],
        },
      ],
      tools: [{ type: 'function', function: { name: 'weather', description: 'w', parameters: { type: 'object' } } }],
      tool_choice: 'required',
      parallel_tool_calls: false,
      stop: ['END'],
      temperature: 0.5,
    });
  });

  it('turns base64 images into data URLs, flags tool errors and drops assistant turns with only thinking', () => {
    const chat = messagesToChat(
      {
        model: 'm',
        messages: [
          { role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } }] },
          { role: 'assistant', content: [{ type: 'redacted_thinking', data: 'x' }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: 'boom', is_error: true }] },
        ],
      },
      undefined,
    );
    expect(chat.max_tokens).toBeUndefined();
    expect(chat.messages).toEqual([
      { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] },
      { role: 'tool', tool_call_id: 't', content: 'Error: boom' },
    ]);
  });
});
