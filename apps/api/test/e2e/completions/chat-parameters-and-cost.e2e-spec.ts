/**
 * The chat rough edges agents hit: hints an upstream cannot honour are dropped and named in
 * `x-apilink-dropped-params`, shape-changing parameters still get a 400 naming them, and every
 * answer carries `usage.cost`, exactly what settlement charged.
 */
import { randomUUID } from 'node:crypto';
import { DROPPED_PARAMS_HEADER } from '@apilink/contracts';
import { useGateway } from './support/gateway-harness';
import { collectStream } from './support/stream-collector';
import { waitForUsage } from './support/usage-records';

type WithCost = { cost?: string };

/** "0.000450" for 450n: the usage row's integer micro-USD, as the decimal string clients get. */
const usd = (micros: string) => `0.${micros.padStart(6, '0')}`;

describe('chat completions: dropped hints, refused shapes and usage.cost', () => {
  const gw = useGateway();
  const withId = () => {
    const requestId = `edge-${randomUUID()}`;
    return { requestId, options: { headers: { 'X-Request-Id': requestId } } };
  };
  const hints = { presence_penalty: 0.3, frequency_penalty: 0.2, seed: 7, logit_bias: { '50256': -100 } };

  it('drops sampling hints Anthropic cannot honour, names them in a header and answers', async () => {
    gw.mocks.anthropic.enqueueReply({ text: 'fine' });
    const { data, response } = await gw.customer.client.chat.completions
      .create({ model: 'anthropic/claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hi' }], ...hints, user: 'u-1' })
      .withResponse();
    expect(data.choices[0].message.content).toBe('fine');
    expect(response.headers.get(DROPPED_PARAMS_HEADER)).toBe('seed, presence_penalty, frequency_penalty, logit_bias');
    const sent = gw.mocks.anthropic.lastRequest?.body as Record<string, unknown>;
    for (const param of Object.keys(hints)) expect(sent).not.toHaveProperty(param);
  });

  it('names what Gemini drops on a stream too, before the first event', async () => {
    gw.mocks.gemini.enqueueReply({ text: 'streamed fine' });
    const { data, response } = await gw.customer.client.chat.completions
      .create({ model: 'google/gemini-2.5-flash', messages: [{ role: 'user', content: 'Hi' }], ...hints, user: 'u-1', stream: true })
      .withResponse();
    expect((await collectStream(data)).text).toBe('streamed fine');
    expect(response.headers.get(DROPPED_PARAMS_HEADER)).toBe('user, logit_bias, presence_penalty, frequency_penalty');
    expect((gw.mocks.gemini.lastRequest?.body as { generationConfig?: unknown }).generationConfig).toEqual({ seed: 7 });
  });

  it('sends no header when nothing was dropped', async () => {
    gw.mocks.openai.enqueueReply({ text: 'all honoured' });
    const { response } = await gw.customer.client.chat.completions
      .create({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], ...hints })
      .withResponse();
    expect(response.headers.get(DROPPED_PARAMS_HEADER)).toBeNull();
  });

  it.each([
    ['n > 1', 'anthropic/claude-sonnet-4-5', { n: 2 }, 'n'],
    ['logprobs', 'google/gemini-2.5-flash', { logprobs: true }, 'logprobs'],
    ['a JSON response_format', 'anthropic/claude-sonnet-4-5', { response_format: { type: 'json_object' } }, 'response_format'],
    ['audio output', 'openai/gpt-4o-mini', { modalities: ['text', 'audio'] }, 'modalities'],
  ])('still refuses %s with a 400 naming the parameter, before any upstream call', async (_case, model, extra, param) => {
    const response = await gw.testApp
      .http()
      .post('/v1/chat/completions')
      .set(gw.customer.session.bearer())
      .send({ model, messages: [{ role: 'user', content: 'Hi' }], ...extra });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: 'invalid_request_error', param });
    expect(gw.mocks.openai.requests.length + gw.mocks.anthropic.requests.length + gw.mocks.gemini.requests.length).toBe(0);
  });

  it('reports usage.cost on a JSON answer, equal to the settled cost of its usage row', async () => {
    gw.mocks.anthropic.enqueueReply({
      text: 'cached',
      usage: { promptTokens: 1000, cachedTokens: 600, cacheCreationTokens: 100, completionTokens: 50 },
    });
    const { requestId, options } = withId();
    const completion = await gw.customer.client.chat.completions.create(
      { model: 'anthropic/claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hi' }] },
      options,
    );
    const row = await waitForUsage(gw.testApp, requestId);
    expect(row.cost_micros).toBe(String(900 + 180 + 375 + 750));
    expect((completion.usage as WithCost).cost).toBe(usd(row.cost_micros));
  });

  it('reports usage.cost in the usage chunk of a stream, equal to the usage row', async () => {
    gw.mocks.openai.enqueueReply({ text: 'streamed', usage: { promptTokens: 100, completionTokens: 20 } });
    const { requestId, options } = withId();
    const collected = await collectStream(
      await gw.customer.client.chat.completions.create(
        { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], stream: true, stream_options: { include_usage: true } },
        options,
      ),
    );
    const row = await waitForUsage(gw.testApp, requestId);
    expect(row.cost_micros).toBe('27');
    expect(collected.usageChunks).toHaveLength(1);
    expect((collected.usageChunks[0].usage as WithCost).cost).toBe('0.000027');
  });

  it('prices counted tokens the same way when the upstream reports no usage', async () => {
    gw.mocks.gemini.enqueueReply({ text: 'no usage from me at all', omitUsage: true });
    const { requestId, options } = withId();
    const collected = await collectStream(
      await gw.customer.client.chat.completions.create(
        {
          model: 'google/gemini-2.5-flash',
          messages: [{ role: 'user', content: 'Hi' }],
          stream: true,
          stream_options: { include_usage: true },
        },
        options,
      ),
    );
    const row = await waitForUsage(gw.testApp, requestId);
    expect(row.estimated).toBe(true);
    expect(BigInt(row.cost_micros)).toBeGreaterThan(0n);
    expect((collected.usageChunks[0].usage as WithCost).cost).toBe(usd(row.cost_micros));
    expect(collected.usageChunks[0].usage?.completion_tokens).toBe(row.completion_tokens);
  });
});
