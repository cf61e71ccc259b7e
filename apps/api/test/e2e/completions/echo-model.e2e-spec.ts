import { ECHO_MODEL_ID } from '@apilink/contracts';
import { openAiSchemaErrors } from '@apilink/testing';
import { newCustomer, startTestApp, type Customer, type TestApp } from './support/gateway-harness';

describe('the demo model with no upstream configured', () => {
  let testApp: TestApp;
  let customer: Customer;
  beforeAll(async () => {
    testApp = await startTestApp({ env: {} });
    customer = await newCustomer(testApp);
  });
  afterAll(() => testApp?.close());

  it('answers a first request through the official SDK', async () => {
    const completion = await customer.client.chat.completions.create({
      model: ECHO_MODEL_ID,
      messages: [{ role: 'user', content: 'Hello there' }],
    });
    expect(completion.choices[0].message.content).toBe('Echo: Hello there');
    expect(completion.model).toBe(ECHO_MODEL_ID);
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(openAiSchemaErrors('CreateChatCompletionResponse', completion)).toEqual([]);
  });

  it('streams through the same path', async () => {
    const stream = await customer.client.chat.completions.create({
      model: ECHO_MODEL_ID,
      messages: [{ role: 'user', content: 'one two three' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: unknown = null;
    for await (const chunk of stream) {
      expect(openAiSchemaErrors('CreateChatCompletionStreamResponse', chunk)).toEqual([]);
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Echo: one two three');
    expect(usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) });
  });

  it('answers a model this install cannot serve with a 404 that names GET /v1/models and the demo model', async () => {
    const refused = customer.client.chat.completions.create({ model: 'google/gemini-2.5-flash', messages: [{ role: 'user', content: 'Hi' }] });
    await expect(refused).rejects.toMatchObject({
      status: 404,
      code: 'model_not_found',
      error: {
        message: 'model not found or not active: google/gemini-2.5-flash. GET /v1/models lists the active models; apilink/echo answers on this install',
      },
    });
  });

  it('lists only the demo model', async () => {
    const page = await customer.client.models.list();
    expect(page.data.map((model) => model.id)).toEqual([ECHO_MODEL_ID]);
    expect(openAiSchemaErrors('ListModelsResponse', { object: 'list', data: page.data })).toEqual([]);
  });
});
