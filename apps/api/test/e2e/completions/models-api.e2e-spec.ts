/** GET /v1/models (API key) and GET /api/models (dashboard session): active models only, priced. */
import { openAiSchemaErrors } from '@apilink/testing';
import type { CatalogModelList, GatewayModel } from '@apilink/contracts';
import { useGateway } from './support/gateway-harness';

describe('model listing', () => {
  const gw = useGateway({ credits: 0n });

  it('lists the active models with OpenRouter-style per-token prices and both context names', async () => {
    const response = await gw.testApp.http().get('/v1/models').set(gw.customer.session.bearer()).expect(200);
    expect(openAiSchemaErrors('ListModelsResponse', response.body)).toEqual([]);
    const models = response.body.data as GatewayModel[];
    const providers = new Set(models.map((model) => model.id.split('/')[0]));
    expect([...providers].sort()).toEqual(['anthropic', 'google', 'openai']);
    expect(models.length).toBeGreaterThan(60);
    const mini = models.find((model) => model.id === 'openai/gpt-4o-mini')!;
    expect(mini).toMatchObject({
      object: 'model',
      owned_by: 'openai',
      context_window: 128000,
      context_length: 128000,
      max_output_tokens: 16384,
      pricing: { prompt: '0.00000015', completion: '0.0000006' },
      capabilities: { tools: true, vision: true },
    });
    expect(typeof mini.created).toBe('number');
  });

  it('the official SDK lists them too', async () => {
    const ids: string[] = [];
    for await (const model of gw.customer.client.models.list()) ids.push(model.id);
    expect(ids).toContain('anthropic/claude-sonnet-4-5');
  });

  it('returns one model by an id that contains slashes', async () => {
    const model = await gw.customer.client.models.retrieve('google/gemini-2.5-pro');
    expect(openAiSchemaErrors('Model', model)).toEqual([]);
    expect(model).toMatchObject({ id: 'google/gemini-2.5-pro', owned_by: 'google' });
  });

  it('answers 404 model_not_found for an unknown or inactive model', async () => {
    const unknown = await gw.testApp.http().get('/v1/models/openai/nope').set(gw.customer.session.bearer()).expect(404);
    expect(unknown.body.error).toMatchObject({ code: 'model_not_found', type: 'invalid_request_error' });
    await gw.testApp.http().get('/v1/models/mistral/mistral-large-latest').set(gw.customer.session.bearer()).expect(404);
  });

  it('decodes a model id in the path once: an escaped slash finds the model, an escaped % is just unknown', async () => {
    const escaped = await gw.testApp.http().get('/v1/models/google%2Fgemini-2.5-pro').set(gw.customer.session.bearer()).expect(200);
    expect(escaped.body).toMatchObject({ id: 'google/gemini-2.5-pro' });
    // Found by the fuzz test: decoding twice turned `%25` into a URIError and a 500.
    const percent = await gw.testApp.http().get('/v1/models/%25').set(gw.customer.session.bearer()).expect(404);
    expect(percent.body.error).toMatchObject({ code: 'model_not_found' });
    await gw.testApp.http().get('/v1/models/google%252Fgemini-2.5-pro').set(gw.customer.session.bearer()).expect(404);
  });

  it('requires an API key', async () => {
    await gw.testApp.http().get('/v1/models').expect(401);
  });

  it('gives the dashboard the same models priced per 1M tokens', async () => {
    const response = await gw.customer.session.api('get', '/api/models').expect(200);
    const body = response.body as CatalogModelList;
    const sonnet = body.data.find((model) => model.id === 'anthropic/claude-sonnet-4-5')!;
    expect(sonnet.pricesPerMTokUsd).toEqual({ input: '3', output: '15', cachedInput: '0.3', cacheWrite: '3.75', reasoning: null });
    expect(sonnet).toMatchObject({ provider: 'anthropic', contextWindow: 200000, capabilities: { tools: true } });
    await gw.testApp.http().get('/api/models').expect(401);
  });
});
