/**
 * The official Anthropic SDK, as Claude Code uses it, against each upstream protocol through
 * /v1/messages: Anthropic upstreams get the request natively, OpenAI-compatible and Gemini ones a
 * translation, and the client cannot tell them apart: messages, event streams, tools and a
 * tool_result round trip, thinking blocks, images and count_tokens.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { ADMIN_ROUTES } from '@apilink/contracts';
import { TestSession } from '../../support/test-session';
import { useGateway } from '../completions/support/gateway-harness';
import { anthropicClient } from './support/anthropic-client';
import { eventSequenceProblems, type RawEvent } from './support/event-sequence';

const PROTOCOLS = [
  { protocol: 'anthropic', model: 'anthropic/claude-sonnet-4-5' },
  { protocol: 'openai', model: 'openai/gpt-4o-mini' },
  { protocol: 'gemini', model: 'google/gemini-2.5-flash' },
] as const;

const WEATHER_TOOL: Anthropic.Tool = {
  name: 'get_weather',
  description: 'Current weather of a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
// 1×1 transparent PNG.
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('the Anthropic SDK on /v1/messages, three upstream protocols', () => {
  const gw = useGateway();
  let client: Anthropic;
  beforeAll(() => {
    client = anthropicClient(gw.testApp, gw.customer.session.apiKey);
  });

  describe.each(PROTOCOLS)('$protocol upstream', ({ protocol, model }) => {
    const mock = () => gw.mocks[protocol];

    it('answers messages.create with an Anthropic message, usage and its cost', async () => {
      mock().enqueueReply({ text: 'Hello from upstream', usage: { promptTokens: 21, completionTokens: 4 } });
      const { data: message, response } = await client.messages
        .create({ model, max_tokens: 50, system: 'Be brief.', messages: [{ role: 'user', content: 'Say hello' }] })
        .withResponse();
      expect(message).toMatchObject({
        type: 'message',
        role: 'assistant',
        model,
        content: [{ type: 'text', text: 'Hello from upstream' }],
        stop_reason: 'end_turn',
        usage: { input_tokens: 21, output_tokens: 4, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
      });
      expect(message.id).toMatch(/^msg_/);
      expect((message.usage as unknown as { cost: string }).cost).toMatch(/^\d+\.\d{6}$/);
      expect(response.headers.get('request-id')).toBe(response.headers.get('x-request-id'));
      expect(response.headers.get('request-id')).toBeTruthy();
    });

    it('sends stop_sequences upstream and reports stop_sequence where the upstream says a sequence stopped it', async () => {
      mock().enqueueReply({ text: 'One two', stopSequence: '###' });
      const stream = client.messages.stream({
        model,
        max_tokens: 50,
        stop_sequences: ['###'],
        messages: [{ role: 'user', content: 'Count' }],
      });
      const message = await stream.finalMessage();
      const sent = JSON.stringify(mock().lastRequest?.body);
      expect(sent).toContain(
        protocol === 'gemini' ? '"stopSequences":["###"]' : protocol === 'openai' ? '"stop":["###"]' : '"stop_sequences":["###"]',
      );
      // Anthropic names the sequence; OpenAI and Gemini answer a plain stop for a sequence and a natural end alike.
      expect({ stop_reason: message.stop_reason, stop_sequence: message.stop_sequence }).toEqual(
        protocol === 'anthropic'
          ? { stop_reason: 'stop_sequence', stop_sequence: '###' }
          : { stop_reason: 'end_turn', stop_sequence: null },
      );
    });

    it('streams the exact event sequence and a tool_use block, then takes the tool_result back', async () => {
      mock().enqueueReply({ text: 'Let me check.', toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }], chunks: 4 });
      const stream = client.messages.stream({
        model,
        max_tokens: 200,
        tools: [WEATHER_TOOL],
        messages: [{ role: 'user', content: 'Weather in Oslo?' }],
      });
      const events: RawEvent[] = [];
      for await (const event of stream) events.push(event as unknown as RawEvent);
      const first = await stream.finalMessage();
      expect(eventSequenceProblems(events)).toEqual([]);
      expect(events.some((event) => (event.delta as { type?: string } | undefined)?.type === 'input_json_delta')).toBe(true);
      expect(first.stop_reason).toBe('tool_use');
      const toolUse = first.content.find((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use');
      expect(toolUse).toMatchObject({ name: 'get_weather', input: { city: 'Oslo' } });
      expect(first.content.find((block) => block.type === 'text')).toMatchObject({ text: 'Let me check.' });
      const delta = events.find((event) => event.type === 'message_delta') as unknown as { usage: { output_tokens: number; cost: string } };
      expect(delta.usage.output_tokens).toBeGreaterThan(0);
      expect(delta.usage.cost).toMatch(/^\d+\.\d{6}$/);

      mock().enqueueReply({ text: 'It is sunny in Oslo.' });
      const second = await client.messages
        .stream({
          model,
          max_tokens: 200,
          tools: [WEATHER_TOOL],
          messages: [
            { role: 'user', content: 'Weather in Oslo?' },
            { role: 'assistant', content: first.content },
            { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUse!.id, content: 'sunny, 21°C' }] },
          ],
        })
        .finalMessage();
      expect(second.content).toEqual([{ type: 'text', text: 'It is sunny in Oslo.' }]);
      expect(second.stop_reason).toBe('end_turn');
      expect(mock().lastRequest?.rawBody).toContain('sunny, 21°C');
    });

    it('forces a tool with tool_choice any and answers it without streaming', async () => {
      const message = await client.messages.create({
        model,
        max_tokens: 200,
        tools: [WEATHER_TOOL],
        tool_choice: { type: 'any' },
        messages: [{ role: 'user', content: 'Weather?' }],
      });
      expect(message.stop_reason).toBe('tool_use');
      expect(message.content.find((block) => block.type === 'tool_use')).toMatchObject({ name: 'get_weather', input: { city: 'mock' } });
    });

    it('passes a base64 image to the upstream', async () => {
      mock().enqueueReply({ text: 'A transparent pixel.' });
      const message = await client.messages.create({
        model,
        max_tokens: 50,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } },
              { type: 'text', text: 'What is this?' },
            ],
          },
        ],
      });
      expect(message.content).toEqual([{ type: 'text', text: 'A transparent pixel.' }]);
      expect(mock().lastRequest?.rawBody).toContain(PNG_BASE64);
    });

    it('counts input tokens with count_tokens, more for a longer prompt', async () => {
      const short = await client.messages.countTokens({ model, messages: [{ role: 'user', content: 'Hi' }] });
      const long = await client.messages.countTokens({
        model,
        system: 'You are a helpful assistant.',
        tools: [WEATHER_TOOL],
        messages: [{ role: 'user', content: 'Hi there, tell me about the weather in Oslo and in Bergen, please.' }],
      });
      expect(short.input_tokens).toBeGreaterThan(0);
      expect(long.input_tokens).toBeGreaterThan(short.input_tokens + 20);
      expect(mock().requests).toHaveLength(0);
    });

    it('accepts earlier thinking blocks with signatures and a thinking budget', async () => {
      mock().enqueueReply({ text: 'Done.' });
      const message = await client.messages.create({
        model,
        max_tokens: 4096,
        thinking: { type: 'enabled', budget_tokens: 2048 },
        messages: [
          { role: 'user', content: 'Think first.' },
          {
            role: 'assistant',
            content: [
              { type: 'thinking', thinking: 'Considering.', signature: 'c2lnbmF0dXJl' },
              { type: 'redacted_thinking', data: 'cmVkYWN0ZWQ=' },
              { type: 'text', text: 'Thought.' },
            ],
          },
          { role: 'user', content: 'Now answer.' },
        ],
      });
      expect(message.content).toEqual([{ type: 'text', text: 'Done.' }]);
      // Signed thinking means something only to Anthropic: it reaches Anthropic intact and nobody else.
      const body = mock().lastRequest?.rawBody ?? '';
      expect(body.includes('c2lnbmF0dXJl')).toBe(protocol === 'anthropic');
    });
  });

  describe.each(PROTOCOLS.filter(({ protocol }) => protocol !== 'gemini'))('thinking from a $protocol upstream', ({ protocol, model }) => {
    it('streams thinking_delta before the text, and returns the thinking block unstreamed', async () => {
      gw.mocks[protocol].enqueueReply({ thinking: 'Six times seven.', text: '42', chunks: 3 });
      const stream = client.messages.stream({
        model,
        max_tokens: 4096,
        thinking: { type: 'enabled', budget_tokens: 1024 },
        messages: [{ role: 'user', content: '6 × 7?' }],
      });
      const events: RawEvent[] = [];
      for await (const event of stream) events.push(event as unknown as RawEvent);
      const message = await stream.finalMessage();
      expect(eventSequenceProblems(events)).toEqual([]);
      expect(events.some((event) => (event.delta as { type?: string } | undefined)?.type === 'thinking_delta')).toBe(true);
      expect(message.content[0]).toMatchObject({ type: 'thinking', thinking: 'Six times seven.' });
      expect(message.content[1]).toMatchObject({ type: 'text', text: '42' });

      gw.mocks[protocol].enqueueReply({ thinking: 'Six times seven.', text: '42' });
      const plain = await client.messages.create({ model, max_tokens: 4096, messages: [{ role: 'user', content: '6 × 7?' }] });
      expect(plain.content.map((block) => block.type)).toEqual(['thinking', 'text']);
      if (protocol === 'anthropic') {
        // Passed through: the signature Anthropic made, in the stream's signature_delta and the message.
        expect(events.some((event) => (event.delta as { type?: string } | undefined)?.type === 'signature_delta')).toBe(true);
        expect((message.content[0] as Anthropic.ThinkingBlock).signature).not.toBe('');
        expect((plain.content[0] as Anthropic.ThinkingBlock).signature).not.toBe('');
      }
    });
  });

  describe('to an Anthropic upstream', () => {
    it('passes the body through natively: only the model id changes; cache_control, metadata and allowed betas stay', async () => {
      gw.mocks.anthropic.enqueueReply({
        text: 'cached',
        usage: { promptTokens: 1000, cachedTokens: 600, cacheCreationTokens: 100, completionTokens: 5 },
      });
      const message = await client.messages.create(
        {
          model: 'claude-sonnet-4-5-20250929',
          max_tokens: 100,
          metadata: { user_id: 'user-1' },
          system: [{ type: 'text', text: 'Long cached prompt', cache_control: { type: 'ephemeral' } }],
          messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi', cache_control: { type: 'ephemeral', ttl: '1h' } }] }],
        },
        { headers: { 'anthropic-beta': 'prompt-caching-2024-07-31,oauth-2025-04-20,made-up-beta' } },
      );
      const sent = gw.mocks.anthropic.lastRequest!;
      expect(sent.body).toEqual({
        model: 'claude-sonnet-4-5-20250929',
        max_tokens: 100,
        metadata: { user_id: 'user-1' },
        system: [{ type: 'text', text: 'Long cached prompt', cache_control: { type: 'ephemeral' } }],
        messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi', cache_control: { type: 'ephemeral', ttl: '1h' } }] }],
      });
      expect(sent.headers['anthropic-beta']).toBe('prompt-caching-2024-07-31');
      expect(sent.headers['x-api-key']).toBe(gw.mocks.anthropic.apiKey);
      // The bare id Claude Code sends is an alias of the catalog model, echoed back as sent.
      expect(message.model).toBe('claude-sonnet-4-5-20250929');
      expect(message.usage).toMatchObject({
        input_tokens: 300,
        cache_read_input_tokens: 600,
        cache_creation_input_tokens: 100,
        output_tokens: 5,
      });
    });

    it('fills in max_tokens when the client sends none, and accepts a bearer token as Claude Code sends ANTHROPIC_AUTH_TOKEN', async () => {
      const bearer = anthropicClient(gw.testApp, gw.customer.session.apiKey, 'bearer');
      const response = await fetch(`${gw.testApp.url}/v1/messages`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${gw.customer.session.apiKey}`,
          'content-type': 'application/json',
          'anthropic-version': '2099-01-01',
        },
        body: JSON.stringify({ model: 'anthropic/claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hi' }] }),
      });
      expect(response.status).toBe(200);
      expect((gw.mocks.anthropic.lastRequest?.body as { max_tokens: number }).max_tokens).toBeGreaterThan(0);
      const viaSdk = await bearer.messages.create({
        model: 'claude-haiku-4-5',
        max_tokens: 20,
        messages: [{ role: 'user', content: 'Hi' }],
      });
      expect(viaSdk.type).toBe('message');
    });
  });

  describe('as Claude Code calls it', () => {
    it('serves /v1/messages?beta=true and count_tokens?beta=true with request-id', async () => {
      const headers = {
        'x-api-key': gw.customer.session.apiKey,
        'content-type': 'application/json',
        'anthropic-beta': 'claude-code-20250219',
      };
      const body = { model: 'claude-sonnet-4-5-20250929', max_tokens: 32000, messages: [{ role: 'user', content: 'Hi' }] };
      const response = await fetch(`${gw.testApp.url}/v1/messages?beta=true`, { method: 'POST', headers, body: JSON.stringify(body) });
      expect(response.status).toBe(200);
      expect(response.headers.get('request-id')).toBeTruthy();
      expect(gw.mocks.anthropic.lastRequest?.headers['anthropic-beta']).toBe('claude-code-20250219');
      const counted = await fetch(`${gw.testApp.url}/v1/messages/count_tokens?beta=true`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model: body.model, messages: body.messages }),
      });
      expect(counted.status).toBe(200);
      expect(await counted.json()).toEqual({ input_tokens: expect.any(Number) });
    });

    it('passes document blocks to Anthropic and refuses them, naming the block, elsewhere', async () => {
      const content: Anthropic.ContentBlockParam[] = [
        { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'The manual.' }, title: 'Manual' },
        { type: 'text', text: 'Summarise.' },
      ];
      await client.messages.create({ model: 'anthropic/claude-sonnet-4-5', max_tokens: 50, messages: [{ role: 'user', content }] });
      expect((gw.mocks.anthropic.lastRequest?.body as { messages: unknown[] }).messages).toEqual([{ role: 'user', content }]);
      await expect(
        client.messages.create({ model: 'openai/gpt-4o-mini', max_tokens: 50, messages: [{ role: 'user', content }] }),
      ).rejects.toMatchObject({
        status: 400,
        error: { error: { type: 'invalid_request_error', message: expect.stringMatching(/Document blocks/) } },
      });
      expect(gw.mocks.openai.requests).toHaveLength(0);
    });

    it('resolves bare ids through aliases admins edit: a removed alias is a 404, a new one answers', async () => {
      const admin = await TestSession.create(gw.testApp, { role: 'admin', withKey: false });
      const model = 'anthropic/claude-haiku-4-5';
      expect((await admin.api('get', ADMIN_ROUTES.model(model)).expect(200)).body.aliases).toEqual(['claude-haiku-4-5']);
      await admin
        .api('patch', ADMIN_ROUTES.model(model))
        .send({ aliases: ['team-fast'], reason: 'Our own name' })
        .expect(200);
      try {
        await expect(
          client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 20, messages: [{ role: 'user', content: 'Hi' }] }),
        ).rejects.toMatchObject({ status: 404, error: { error: { type: 'not_found_error' } } });
        const message = await client.messages.create({ model: 'team-fast', max_tokens: 20, messages: [{ role: 'user', content: 'Hi' }] });
        expect(message.model).toBe('team-fast');
        expect((gw.mocks.anthropic.lastRequest?.body as { model: string }).model).toBe('claude-haiku-4-5');
      } finally {
        await admin
          .api('patch', ADMIN_ROUTES.model(model))
          .send({ aliases: ['claude-haiku-4-5'] })
          .expect(200);
      }
    });
  });

  describe('to a non-Claude model, as Claude Code with ANTHROPIC_MODEL', () => {
    it("caps a max_tokens above the model's output limit instead of refusing", async () => {
      gw.mocks.openai.enqueueReply({ text: 'ok' });
      const message = await client.messages.create({
        model: 'openai/gpt-4o-mini',
        max_tokens: 64000,
        messages: [{ role: 'user', content: 'Hi' }],
      });
      expect(message.content).toEqual([{ type: 'text', text: 'ok' }]);
      const sent = gw.mocks.openai.lastRequest?.body as { max_tokens?: number; max_completion_tokens?: number };
      expect(sent.max_completion_tokens ?? sent.max_tokens).toBeLessThan(64000);
    });

    it('refuses an Anthropic server tool with a 400 naming it', async () => {
      await expect(
        client.messages.create({
          model: 'openai/gpt-4o-mini',
          max_tokens: 50,
          tools: [{ type: 'web_search_20250305', name: 'web_search' }],
          messages: [{ role: 'user', content: 'Search' }],
        }),
      ).rejects.toMatchObject({ status: 400, error: { type: 'error', error: { type: 'invalid_request_error' } } });
      expect(gw.mocks.openai.requests).toHaveLength(0);
    });
  });
});
