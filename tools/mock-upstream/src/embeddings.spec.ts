import { startMockUpstream, type MockUpstream } from './mock-upstream';
import { authHeaders, postJson } from './spec-helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions walk wire payloads freely
type Json = Record<string, any>;
const json = async (response: Response) => (await response.json()) as Json;

describe('mock embeddings endpoints', () => {
  let openai: MockUpstream;
  let gemini: MockUpstream;
  beforeAll(async () => {
    [openai, gemini] = await Promise.all([startMockUpstream({ protocol: 'openai' }), startMockUpstream({ protocol: 'gemini' })]);
  });
  afterAll(async () => {
    await Promise.all([openai.close(), gemini.close()]);
  });
  beforeEach(() => {
    openai.reset();
    gemini.reset();
  });

  const embedOpenAi = (body: unknown) => postJson(`${openai.url}/embeddings`, body, authHeaders(openai));
  const embedGemini = (model: string, body: unknown) =>
    postJson(`${gemini.url}/v1beta/models/${model}:batchEmbedContents`, body, authHeaders(gemini));

  it('answers OpenAI embeddings in order, unit length, deterministic, with usage', async () => {
    const response = await embedOpenAi({ model: 'text-embedding-3-small', input: ['alpha', 'beta', 'alpha'], dimensions: 8 });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({ object: 'list', model: 'text-embedding-3-small', usage: { prompt_tokens: 5, total_tokens: 5 } });
    const vectors = body.data.map((item: { index: number; embedding: number[] }) => item.embedding);
    expect(body.data.map((item: { index: number }) => item.index)).toEqual([0, 1, 2]);
    expect(vectors[0]).toHaveLength(8);
    expect(vectors[0]).toEqual(vectors[2]);
    expect(vectors[0]).not.toEqual(vectors[1]);
    expect(Math.hypot(...vectors[1])).toBeCloseTo(1, 5);
  });

  it('encodes base64 as little-endian float32 of the same vector, and counts token arrays by length', async () => {
    const float = await json(await embedOpenAi({ model: 'text-embedding-3-small', input: [[1, 2, 3]], dimensions: 4 }));
    const b64 = await json(
      await embedOpenAi({ model: 'text-embedding-3-small', input: [[1, 2, 3]], dimensions: 4, encoding_format: 'base64' }),
    );
    const bytes = Buffer.from(b64.data[0].embedding, 'base64');
    const decoded = Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readFloatLE(i * 4));
    expect(decoded).toEqual(float.data[0].embedding);
    expect(float.usage.prompt_tokens).toBe(3);
  });

  it('refuses what OpenAI refuses, naming the parameter', async () => {
    for (const [body, param] of [
      [{ model: 'text-embedding-3-small', input: [] }, 'input'],
      [{ model: 'text-embedding-3-small', input: 'x', encoding_format: 'int8' }, 'encoding_format'],
      [{ model: 'mistral-embed', input: 'x', dimensions: 8 }, 'dimensions'],
    ] as const) {
      const response = await embedOpenAi(body);
      expect(response.status).toBe(400);
      expect((await json(response)).error.param).toBe(param);
    }
  });

  it('uses a scripted prompt token count and applies request faults', async () => {
    openai.enqueueReply({ usage: { promptTokens: 1234 } });
    expect((await json(await embedOpenAi({ model: 'text-embedding-3-small', input: 'x' }))).usage.prompt_tokens).toBe(1234);
    openai.setFault({ kind: 'status', status: 503, times: 1 });
    expect((await embedOpenAi({ model: 'text-embedding-3-small', input: 'x' })).status).toBe(503);
  });

  it('answers Gemini batchEmbedContents with values in request order and no usage', async () => {
    const request = (text: string, outputDimensionality?: number) => ({
      model: 'models/gemini-embedding-001',
      content: { parts: [{ text }] },
      ...(outputDimensionality ? { outputDimensionality } : {}),
    });
    const response = await embedGemini('gemini-embedding-001', { requests: [request('one', 16), request('two', 16)] });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(Object.keys(body)).toEqual(['embeddings']);
    expect(body.embeddings).toHaveLength(2);
    expect(body.embeddings[0].values).toHaveLength(16);
    const full = await json(await embedGemini('gemini-embedding-001', { requests: [request('one')] }));
    expect(full.embeddings[0].values).toHaveLength(3072);
  });

  it('refuses a Gemini batch whose requests name another model, as Google does', async () => {
    const response = await embedGemini('gemini-embedding-001', {
      requests: [{ model: 'models/other', content: { parts: [{ text: 'x' }] } }],
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error.status).toBe('INVALID_ARGUMENT');
  });
});
