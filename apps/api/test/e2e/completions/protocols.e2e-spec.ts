/**
 * The same OpenAI client talks to an OpenAI-compatible, an Anthropic and a Gemini upstream through
 * the gateway and cannot tell them apart: plain and streamed answers, tool calls, images, usage.
 */
import { openAiSchemaErrors } from '@apilink/testing';
import type OpenAI from 'openai';
import { useGateway } from './support/gateway-harness';
import { collectStream } from './support/stream-collector';

const WEATHER_TOOL: OpenAI.Chat.Completions.ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather of a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  },
};
// 1×1 transparent PNG.
const PNG_DATA_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const PROTOCOLS = [
  { protocol: 'openai', model: 'openai/gpt-4o-mini', upstreamModel: 'gpt-4o-mini' },
  { protocol: 'anthropic', model: 'anthropic/claude-sonnet-4-5', upstreamModel: 'claude-sonnet-4-5' },
  { protocol: 'gemini', model: 'google/gemini-2.5-flash', upstreamModel: 'gemini-2.5-flash' },
] as const;

describe('one OpenAI client, three upstream protocols', () => {
  const gw = useGateway();

  describe.each(PROTOCOLS)('$protocol upstream', ({ protocol, model, upstreamModel }) => {
    const mock = () => gw.mocks[protocol];

    it('answers a plain request in OpenAI shape, echoing the model the client asked for', async () => {
      mock().enqueueReply({ text: 'Hello from upstream', usage: { promptTokens: 21, completionTokens: 4 } });
      const completion = await gw.customer.client.chat.completions.create({
        model,
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Say hello' },
        ],
        max_tokens: 50,
      });
      expect(openAiSchemaErrors('CreateChatCompletionResponse', completion)).toEqual([]);
      expect(completion).toMatchObject({ object: 'chat.completion', model, choices: [{ index: 0, finish_reason: 'stop' }] });
      expect(completion.id).toMatch(/^chatcmpl-[A-Za-z0-9]{29}$/);
      expect(completion.choices[0].message).toMatchObject({ role: 'assistant', content: 'Hello from upstream' });
      expect(completion.usage).toMatchObject({ prompt_tokens: 21, completion_tokens: 4, total_tokens: 25 });
      // Gemini names the model in the path, the others in the body.
      expect(`${mock().lastRequest?.path} ${mock().lastRequest?.rawBody}`).toContain(upstreamModel);
    });

    it('streams chunk by chunk with the role first, a finish chunk and no usage chunk unless asked', async () => {
      mock().enqueueReply({ text: 'one two three four five six seven eight', chunks: 8 });
      const collected = await collectStream(
        await gw.customer.client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Count' }], stream: true }),
      );
      expect(collected.schemaErrors).toEqual([]);
      expect(collected.text).toBe('one two three four five six seven eight');
      expect(collected.chunks[0].choices[0].delta.role).toBe('assistant');
      expect(collected.chunks.filter((chunk) => chunk.choices[0]?.delta.content).length).toBeGreaterThanOrEqual(4);
      expect(collected.finishReason).toBe('stop');
      expect(collected.usageChunks).toEqual([]);
      expect(new Set(collected.chunks.map((chunk) => chunk.id)).size).toBe(1);
      expect(collected.chunks.every((chunk) => chunk.model === model)).toBe(true);
    });

    it('ends the stream with a usage-only chunk when include_usage is set', async () => {
      mock().enqueueReply({ text: 'short answer', usage: { promptTokens: 30, completionTokens: 2 } });
      const collected = await collectStream(
        await gw.customer.client.chat.completions.create({
          model,
          messages: [{ role: 'user', content: 'Hi' }],
          stream: true,
          stream_options: { include_usage: true },
        }),
      );
      expect(collected.schemaErrors).toEqual([]);
      expect(collected.usageChunks).toHaveLength(1);
      const last = collected.chunks[collected.chunks.length - 1];
      expect(last.choices).toEqual([]);
      expect(last.usage).toMatchObject({ prompt_tokens: 30, completion_tokens: 2, total_tokens: 32 });
    });

    it('completes a tool-calling round trip', async () => {
      mock().enqueueReply({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] });
      const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Weather in Oslo?' }];
      const first = await gw.customer.client.chat.completions.create({ model, messages, tools: [WEATHER_TOOL], tool_choice: 'auto' });
      expect(openAiSchemaErrors('CreateChatCompletionResponse', first)).toEqual([]);
      expect(first.choices[0].finish_reason).toBe('tool_calls');
      const call = first.choices[0].message.tool_calls![0];
      expect(call).toMatchObject({ type: 'function', function: { name: 'get_weather' } });
      expect(call.id).toBeTruthy();
      expect(JSON.parse((call as { function: { arguments: string } }).function.arguments)).toEqual({ city: 'Oslo' });

      mock().enqueueReply({ text: 'It is 5 degrees in Oslo.' });
      messages.push(first.choices[0].message as OpenAI.Chat.Completions.ChatCompletionMessageParam, {
        role: 'tool',
        tool_call_id: call.id,
        content: '{"temperature": 5}',
      });
      const second = await gw.customer.client.chat.completions.create({ model, messages, tools: [WEATHER_TOOL] });
      expect(second.choices[0].message.content).toBe('It is 5 degrees in Oslo.');
      // The upstream received the tool result paired with its call.
      expect(JSON.stringify(mock().lastRequest?.body)).toContain('temperature');
    });

    it('streams tool-call deltas: id and name first, then argument pieces', async () => {
      mock().enqueueReply({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Reykjavik' } }], chunks: 4 });
      const collected = await collectStream(
        await gw.customer.client.chat.completions.create({
          model,
          messages: [{ role: 'user', content: 'Weather in Reykjavik?' }],
          tools: [WEATHER_TOOL],
          tool_choice: { type: 'function', function: { name: 'get_weather' } },
          stream: true,
        }),
      );
      expect(collected.schemaErrors).toEqual([]);
      expect(collected.finishReason).toBe('tool_calls');
      expect(collected.toolCalls).toHaveLength(1);
      expect(collected.toolCalls[0].name).toBe('get_weather');
      expect(collected.toolCalls[0].id).toBeTruthy();
      expect(JSON.parse(collected.toolCalls[0].arguments)).toEqual({ city: 'Reykjavik' });
      const deltas = collected.chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
      expect(deltas[0]).toMatchObject({ index: 0, id: expect.any(String), type: 'function', function: { name: 'get_weather' } });
      expect(deltas.slice(1).every((delta) => delta.id === undefined && delta.function?.name === undefined)).toBe(true);
    });

    it('passes images given as https URLs and as data URLs', async () => {
      const completion = await gw.customer.client.chat.completions.create({
        model,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is in these pictures?' },
              { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
              { type: 'image_url', image_url: { url: PNG_DATA_URL, detail: 'low' } },
            ],
          },
        ],
      });
      expect(completion.choices[0].message.content).toBeTruthy();
      const forwarded = mock().lastRequest?.rawBody ?? '';
      expect(forwarded).toContain('iVBORw0KGgo');
      if (protocol !== 'gemini') expect(forwarded).toContain('https://example.com/cat.png');
    });
  });
});
