import type { EmbeddingRequest } from '@apilink/contracts';
import { refusedParamOf } from '../adapters/__testing__/unsupported-param';
import { UpstreamProtocolError } from '../adapters/errors/upstream-protocol.error';
import type { UpstreamTarget } from '../adapters/upstream-adapter';
import { embeddingCodecFor } from './embedding-codecs';
import { geminiEmbeddingsCodec } from './gemini-embeddings.codec';
import { openAiEmbeddingsCodec } from './openai-embeddings.codec';
import { QUIRKS_PRESETS } from '../../upstreams/providers/quirks-presets';

const openai: UpstreamTarget = {
  protocol: 'openai',
  baseUrl: 'https://api.openai.com/v1/',
  apiKey: 'sk-x',
  upstreamModel: 'text-embedding-3-small',
};
const gemini: UpstreamTarget = {
  protocol: 'gemini',
  baseUrl: 'https://generativelanguage.googleapis.com',
  apiKey: 'AIza-x',
  upstreamModel: 'gemini-embedding-001',
};
const request = (extra: Partial<EmbeddingRequest> = {}): EmbeddingRequest => ({ model: 'client/model', input: ['a', 'b'], ...extra });

describe('OpenAI-compatible embeddings codec', () => {
  it('posts OpenAI’s body to /embeddings, always asking for floats, and drops user', () => {
    const batches = openAiEmbeddingsCodec.buildRequests(request({ encoding_format: 'base64', dimensions: 256, user: 'u' }), openai);
    expect(batches.map((batch) => batch.inputCount)).toEqual([2]);
    const built = batches[0].http;
    expect(built.url).toBe('https://api.openai.com/v1/embeddings');
    expect(built.headers.authorization).toBe('Bearer sk-x');
    expect(JSON.parse(built.body)).toEqual({
      model: 'text-embedding-3-small',
      input: ['a', 'b'],
      encoding_format: 'float',
      dimensions: 256,
    });
    expect(built.droppedParams).toEqual(['user']);
  });

  it('refuses dimensions with a 400 naming it for a host that cannot shorten vectors (Mistral)', () => {
    const mistral = { ...openai, upstreamModel: 'mistral-embed', quirks: QUIRKS_PRESETS.get('mistral') };
    expect(refusedParamOf(() => openAiEmbeddingsCodec.buildRequests(request({ dimensions: 256 }), mistral))).toBe('dimensions');
    expect(JSON.parse(openAiEmbeddingsCodec.buildRequests(request(), mistral)[0].http.body)).not.toHaveProperty('dimensions');
  });

  it('puts vectors back in input order by index and reads prompt_tokens', () => {
    const answer = openAiEmbeddingsCodec.parseResponse(
      {
        object: 'list',
        data: [
          { object: 'embedding', index: 1, embedding: [0.3, 0.4] },
          { object: 'embedding', index: 0, embedding: [0.1, 0.2] },
        ],
        usage: { prompt_tokens: 7, total_tokens: 7 },
      },
      2,
    );
    expect(answer).toEqual({
      vectors: [
        [0.1, 0.2],
        [0.3, 0.4],
      ],
      promptTokens: 7,
    });
  });

  it('treats a missing vector, a duplicate index or a string embedding as a broken answer', () => {
    const item = (index: number, embedding: unknown = [1]) => ({ object: 'embedding', index, embedding });
    for (const data of [[item(0)], [item(0), item(0)], [item(0), item(1, 'AAAA')]]) {
      expect(() => openAiEmbeddingsCodec.parseResponse({ data }, 2)).toThrow(UpstreamProtocolError);
    }
  });
});

describe('Gemini embeddings codec', () => {
  it('sends one EmbedContentRequest per input to :batchEmbedContents, dimensions as outputDimensionality', () => {
    const [{ http: built }] = geminiEmbeddingsCodec.buildRequests(request({ dimensions: 768 }), gemini);
    expect(built.url).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-embedding-001:batchEmbedContents');
    expect(built.headers['x-goog-api-key']).toBe('AIza-x');
    expect(JSON.parse(built.body)).toEqual({
      requests: ['a', 'b'].map((text) => ({
        model: 'models/gemini-embedding-001',
        content: { parts: [{ text }] },
        outputDimensionality: 768,
      })),
    });
    expect(built.usageReported).toBe(false);
  });

  it('refuses token ids, naming input', () => {
    expect(refusedParamOf(() => geminiEmbeddingsCodec.buildRequests(request({ input: [1, 2, 3] }), gemini))).toBe('input');
  });

  it('splits more than 100 inputs into batches of at most 100, in input order', () => {
    const many = Array.from({ length: 250 }, (_, i) => `t${i}`);
    const batches = geminiEmbeddingsCodec.buildRequests(request({ input: many }), gemini);
    expect(batches.map((batch) => batch.inputCount)).toEqual([100, 100, 50]);
    const texts = batches.flatMap((batch) =>
      (JSON.parse(batch.http.body).requests as { content: { parts: { text: string }[] } }[]).map((item) => item.content.parts[0].text),
    );
    expect(texts).toEqual(many);
  });

  it('reads values in order with no usage, and refuses a count that does not match', () => {
    expect(geminiEmbeddingsCodec.parseResponse({ embeddings: [{ values: [1, 2] }, { values: [3, 4] }] }, 2)).toEqual({
      vectors: [
        [1, 2],
        [3, 4],
      ],
      promptTokens: null,
    });
    expect(() => geminiEmbeddingsCodec.parseResponse({ embeddings: [{ values: [1] }] }, 2)).toThrow(UpstreamProtocolError);
  });
});

it('has no embeddings codec for Anthropic upstreams', () => {
  expect(refusedParamOf(() => embeddingCodecFor('anthropic'))).toBe('model');
});
