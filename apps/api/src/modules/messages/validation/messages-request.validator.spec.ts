import { AppError } from '../../../common/errors/app-error';
import { validateMessagesRequest } from './messages-request.validator';

const base = { model: 'claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] };

function problem(body: object): { message: string; param: string | null } {
  try {
    validateMessagesRequest(body);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { message: (error as AppError).message, param: (error as AppError).param };
  }
  throw new Error('expected a 400');
}

describe('validateMessagesRequest', () => {
  it('accepts every block Claude Code sends, cache_control, server tools and unknown top-level fields', () => {
    const body = {
      ...base,
      max_tokens: 4096,
      system: [{ type: 'text', text: 'sys', cache_control: { type: 'ephemeral', ttl: '1h' } }],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'look', cache_control: { type: 'ephemeral' } },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } },
            { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' }, title: 'a.pdf' },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'hm', signature: 'sig' },
            { type: 'redacted_thinking', data: 'xyz' },
            { type: 'tool_use', id: 'toolu_1', name: 'read', input: { path: 'a' } },
          ],
        },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_1',
              content: [
                { type: 'text', text: 'ok' },
                { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } },
              ],
            },
            { type: 'tool_result', tool_use_id: 'toolu_2', content: 'plain', is_error: true },
          ],
        },
      ],
      tools: [
        { name: 'read', input_schema: { type: 'object' }, cache_control: { type: 'ephemeral' } },
        { type: 'web_search_20250305', name: 'web_search', max_uses: 3 },
      ],
      tool_choice: { type: 'tool', name: 'read', disable_parallel_tool_use: true },
      stop_sequences: ['END'],
      temperature: 1,
      top_p: 0.9,
      top_k: 40,
      metadata: { user_id: 'u1' },
      thinking: { type: 'enabled', budget_tokens: 1024 },
      stream: true,
      context_management: { edits: [] },
    };
    expect(validateMessagesRequest(body)).toBe(body);
  });

  it.each([
    [{ model: '' }, 'model'],
    [{ messages: [] }, 'messages'],
    [{ max_tokens: 0 }, 'max_tokens'],
    [{ system: [{ type: 'image', source: {} }] }, 'system.0.type'],
    [{ messages: [{ role: 'user', content: [{ type: 'text', text: '' }] }] }, 'messages.0.content.0.text'],
    [
      { messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'url', url: 'ftp://x' } }] }] },
      'messages.0.content.0.source.url',
    ],
    [{ messages: [{ role: 'user', content: [{ type: 'tool_use', id: 'a', name: 'b', input: [] }] }] }, 'messages.0.content.0.input'],
    [{ messages: [{ role: 'user', content: [{ type: 'text', text: 'a', extra: 1 }] }] }, 'messages.0.content.0.extra'],
    [{ tools: [{ name: 'has space', input_schema: {} }] }, 'tools.0.name'],
    [{ tool_choice: { type: 'tool' } }, 'tool_choice.name'],
    [{ cache: true, temperature: -1 }, 'temperature'],
    [{ top_k: 1.5 }, 'top_k'],
    [{ stop_sequences: 'END' }, 'stop_sequences'],
    [{ metadata: { user_id: 'u', other: 1 } }, 'metadata.other'],
    [{ thinking: { type: 'enabled' } }, 'thinking.budget_tokens'],
  ])('refuses %j naming %s', (patch, param) => {
    expect(problem({ ...base, ...patch }).param).toBe(param);
  });

  it('refuses a body that is not an object', () => {
    expect(problem([] as unknown as object).message).toMatch(/must be a JSON object/);
  });
});
