/**
 * POST /v1/embeddings with the official `openai` SDK against the mock upstreams: OpenAI-compatible
 * (/embeddings; Mistral's account on the OpenAI mock) and Gemini (:batchEmbedContents, split into
 * batches of 100); float and base64; the catalog's kinds; and the money: a hold before the upstream, 402 with no credits, usage.cost equal to the settled charge.
 */
import { randomUUID } from 'node:crypto';
import { openAiSchemaErrors } from '@apilink/testing';
import { billingInvariantViolations } from '../../support/billing-invariants';
import { newCustomer, providerEnv, useGateway } from './support/gateway-harness';
import { waitForUsage } from './support/usage-records';

type WithCost = { cost?: string };

describe('POST /v1/embeddings', () => {
  // Mistral speaks OpenAI's wire format: its account points at the OpenAI mock.
  const gw = useGateway({
    env: (mocks) => ({ ...providerEnv(mocks), MISTRAL_API_KEY: mocks.openai.apiKey, MISTRAL_BASE_URL: mocks.openai.url }),
  });
  const upstreamRequests = () => gw.mocks.openai.requests.length + gw.mocks.anthropic.requests.length + gw.mocks.gemini.requests.length;
  const withId = () => {
    const requestId = `emb-${randomUUID()}`;
    return { requestId, options: { headers: { 'X-Request-Id': requestId } } };
  };

  it('answers float embeddings from an OpenAI upstream in OpenAI shape, one vector per input, in order', async () => {
    const raw = await gw.testApp
      .http()
      .post('/v1/embeddings')
      .set(gw.customer.session.bearer())
      .send({ model: 'openai/text-embedding-3-small', input: ['first text', 'second text'], encoding_format: 'float', dimensions: 64 })
      .expect(200);
    expect(openAiSchemaErrors('CreateEmbeddingResponse', raw.body)).toEqual([]);
    expect(raw.body).toMatchObject({ object: 'list', model: 'openai/text-embedding-3-small' });
    expect(raw.body.data.map((item: { index: number }) => item.index)).toEqual([0, 1]);
    expect(raw.body.data[0].embedding).toHaveLength(64);
    const sent = gw.mocks.openai.lastRequest;
    expect(sent?.path).toBe('/v1/embeddings');
    expect(sent?.body).toEqual({
      model: 'text-embedding-3-small',
      input: ['first text', 'second text'],
      encoding_format: 'float',
      dimensions: 64,
    });
    // The SDK's own float request decodes to the same numbers.
    const viaSdk = await gw.customer.client.embeddings.create({
      model: 'openai/text-embedding-3-small',
      input: ['first text', 'second text'],
      encoding_format: 'float',
      dimensions: 64,
    });
    expect(viaSdk.data.map((item) => item.embedding)).toEqual(raw.body.data.map((item: { embedding: number[] }) => item.embedding));
  });

  it('answers base64 (the SDK default) as little-endian float32 of the same vectors', async () => {
    const input = 'the same text both ways';
    const float = await gw.customer.client.embeddings.create({ model: 'openai/text-embedding-3-large', input, encoding_format: 'float' });
    // Without encoding_format the SDK asks for base64 and decodes it itself.
    const decoded = await gw.customer.client.embeddings.create({ model: 'openai/text-embedding-3-large', input });
    expect((gw.mocks.openai.lastRequest?.body as { encoding_format: string }).encoding_format).toBe('float');
    expect(decoded.data[0].embedding).toHaveLength(3072);
    expect(decoded.data[0].embedding).toEqual(float.data[0].embedding);
    const raw = await gw.testApp
      .http()
      .post('/v1/embeddings')
      .set(gw.customer.session.bearer())
      .send({ model: 'openai/text-embedding-3-large', input, encoding_format: 'base64' })
      .expect(200);
    const bytes = Buffer.from(raw.body.data[0].embedding as string, 'base64');
    expect(bytes.length).toBe(3072 * 4);
    expect(bytes.readFloatLE(4 * 100)).toBe(float.data[0].embedding[100]);
  });

  it('passes token arrays through to an OpenAI upstream', async () => {
    const result = await gw.customer.client.embeddings.create({
      model: 'openai/text-embedding-3-small',
      input: [
        [101, 202, 303],
        [404, 505],
      ],
      encoding_format: 'float',
    });
    expect(result.data).toHaveLength(2);
    expect(result.usage.prompt_tokens).toBe(5);
    expect((gw.mocks.openai.lastRequest?.body as { input: unknown }).input).toEqual([
      [101, 202, 303],
      [404, 505],
    ]);
  });

  it('translates to Gemini batchEmbedContents, with dimensions as outputDimensionality, and bills its own token count', async () => {
    const { requestId, options } = withId();
    const result = await gw.customer.client.embeddings.create(
      { model: 'google/gemini-embedding-001', input: ['uno', 'dos', 'tres'], dimensions: 16, encoding_format: 'float' },
      options,
    );
    expect(result.data.map((item) => item.embedding.length)).toEqual([16, 16, 16]);
    const sent = gw.mocks.gemini.lastRequest;
    expect(sent?.path).toBe('/v1beta/models/gemini-embedding-001:batchEmbedContents');
    expect(sent?.body).toEqual({
      requests: ['uno', 'dos', 'tres'].map((text) => ({
        model: 'models/gemini-embedding-001',
        content: { parts: [{ text }] },
        outputDimensionality: 16,
      })),
    });
    const row = await waitForUsage(gw.testApp, requestId);
    expect(row).toMatchObject({ status: 'success', provider: 'google', model: 'google/gemini-embedding-001', estimated: true });
    expect(row.prompt_tokens).toBe(result.usage.prompt_tokens);
    expect(row.prompt_tokens).toBeGreaterThanOrEqual(3);
    expect((result.usage as WithCost).cost).toBe(`0.${row.cost_micros.padStart(6, '0')}`);
  });

  it('embeds more than 100 inputs on Gemini in batches of at most 100, joined in input order', async () => {
    const texts = Array.from({ length: 250 }, (_, i) => `text number ${i}`);
    const { requestId, options } = withId();
    const result = await gw.customer.client.embeddings.create(
      { model: 'google/gemini-embedding-001', input: texts, dimensions: 8, encoding_format: 'float' },
      options,
    );
    const sent = gw.mocks.gemini.requests.map(
      (request) => (request.body as { requests: { content: { parts: { text: string }[] } }[] }).requests,
    );
    expect(sent.map((batch) => batch.length).sort((a, b) => b - a)).toEqual([100, 100, 50]);
    expect(
      sent
        .flat()
        .map((item) => item.content.parts[0].text)
        .sort(),
    ).toEqual([...texts].sort());
    expect(result.data.map((item) => item.index)).toEqual(texts.map((_, i) => i));
    // Each vector is the one its own text gets alone (the mock's vectors are a function of text and size).
    const alone = await gw.customer.client.embeddings.create({
      model: 'google/gemini-embedding-001',
      input: texts[180],
      dimensions: 8,
      encoding_format: 'float',
    });
    expect(result.data[180].embedding).toEqual(alone.data[0].embedding);
    const row = await waitForUsage(gw.testApp, requestId);
    expect(row).toMatchObject({ status: 'success', estimated: true, prompt_tokens: result.usage.prompt_tokens });
    expect((result.usage as WithCost).cost).toBe(`0.${row.cost_micros.padStart(6, '0')}`);
  });

  it('refuses dimensions for mistral-embed with a 400 naming it, and embeds without it', async () => {
    const refused = await gw.testApp
      .http()
      .post('/v1/embeddings')
      .set(gw.customer.session.bearer())
      .send({ model: 'mistral/mistral-embed', input: 'x', dimensions: 256 });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ type: 'invalid_request_error', param: 'dimensions' });
    expect(refused.body.error.message).toContain('leave dimensions out');
    expect(upstreamRequests()).toBe(0);
    const result = await gw.customer.client.embeddings.create({ model: 'mistral/mistral-embed', input: 'x', encoding_format: 'float' });
    expect(result.data[0].embedding).toHaveLength(1024);
    expect(gw.mocks.openai.lastRequest?.body).toEqual({ model: 'mistral-embed', input: 'x', encoding_format: 'float' });
  });

  it('refuses token arrays for Gemini with a 400 naming input', async () => {
    const response = await gw.testApp
      .http()
      .post('/v1/embeddings')
      .set(gw.customer.session.bearer())
      .send({ model: 'google/gemini-embedding-001', input: [[1, 2, 3]] });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: 'invalid_request_error', param: 'input' });
    expect(gw.mocks.gemini.requests).toHaveLength(0);
  });

  it('bills the upstream-reported input tokens at the list price, and usage.cost is exactly the charge', async () => {
    gw.mocks.openai.enqueueReply({ usage: { promptTokens: 1_234_567 } });
    const { requestId, options } = withId();
    const result = await gw.customer.client.embeddings.create(
      { model: 'openai/text-embedding-3-small', input: 'priced', encoding_format: 'float' },
      options,
    );
    // 1,234,567 tokens × $0.02 per 1M = 24,691.34 µ$, rounded up once
    const row = await waitForUsage(gw.testApp, requestId);
    expect(row).toMatchObject({
      status: 'success',
      prompt_tokens: 1_234_567,
      completion_tokens: 0,
      cost_micros: '24692',
      estimated: false,
    });
    expect(result.usage).toMatchObject({ prompt_tokens: 1_234_567, total_tokens: 1_234_567, cost: '0.024692' });
    expect(BigInt(row.hold_micros)).toBeGreaterThan(0n);
  });

  it('lists embedding models with their kind, and each endpoint refuses the other kind with a 400 naming model', async () => {
    const models = await gw.customer.client.models.list();
    const kinds = new Map(models.data.map((model) => [model.id, (model as unknown as { kind: string }).kind]));
    expect(kinds.get('openai/text-embedding-3-small')).toBe('embedding');
    expect(kinds.get('google/gemini-embedding-001')).toBe('embedding');
    expect(kinds.get('openai/gpt-4o-mini')).toBe('chat');

    const onEmbeddings = await gw.testApp
      .http()
      .post('/v1/embeddings')
      .set(gw.customer.session.bearer())
      .send({ model: 'openai/gpt-4o-mini', input: 'x' });
    expect(onEmbeddings.status).toBe(400);
    expect(onEmbeddings.body.error).toMatchObject({ param: 'model' });
    const onChat = await gw.testApp
      .http()
      .post('/v1/chat/completions')
      .set(gw.customer.session.bearer())
      .send({ model: 'openai/text-embedding-3-small', messages: [{ role: 'user', content: 'x' }] });
    expect(onChat.status).toBe(400);
    expect(onChat.body.error).toMatchObject({ param: 'model' });
    expect(upstreamRequests()).toBe(0);
  });

  it.each([
    ['an empty input', { input: '' }, 'input'],
    ['an empty list', { input: [] }, 'input'],
    ['a list with a number and a string', { input: ['a', 3] }, 'input.1'],
    ['an unknown encoding', { input: 'x', encoding_format: 'int8' }, 'encoding_format'],
    ['an unknown field', { input: 'x', task_type: 'query' }, 'task_type'],
  ])('refuses %s with a 400 naming the field, before any upstream call', async (_case, body, param) => {
    const response = await gw.testApp
      .http()
      .post('/v1/embeddings')
      .set(gw.customer.session.bearer())
      .send({ model: 'openai/text-embedding-3-small', ...body });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: 'invalid_request_error', param });
    expect(upstreamRequests()).toBe(0);
  });

  it('answers 402 insufficient_quota before calling the upstream when there are no credits', async () => {
    const broke = await newCustomer(gw.testApp, 0n);
    const response = await gw.testApp
      .http()
      .post('/v1/embeddings')
      .set(broke.session.bearer())
      .send({ model: 'openai/text-embedding-3-small', input: 'x' });
    expect(response.status).toBe(402);
    expect(response.body.error).toMatchObject({ code: 'insufficient_quota' });
    expect(upstreamRequests()).toBe(0);
  });

  it('releases the hold when the upstream fails, charging nothing', async () => {
    gw.mocks.openai.setFault({ kind: 'status', status: 500, times: 3 });
    const { requestId } = withId();
    await gw.testApp
      .http()
      .post('/v1/embeddings')
      .set({ ...gw.customer.session.bearer(), 'X-Request-Id': requestId })
      .send({ model: 'openai/text-embedding-3-small', input: 'x' })
      .expect(503);
    expect(await waitForUsage(gw.testApp, requestId)).toMatchObject({ status: 'upstream_error', cost_micros: '0' });
  });

  it('keeps the books balanced and never called an upstream without a hold', async () => {
    expect(
      await billingInvariantViolations({
        userIds: [gw.customer.session.user.id],
        upstream: { requests: upstreamRequests(), maxAttempts: 3 },
      }),
    ).toEqual([]);
  });
});
