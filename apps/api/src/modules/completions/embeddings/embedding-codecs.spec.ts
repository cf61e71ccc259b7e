import type { EmbeddingRequest } from '@apilink/contracts';
import { refusedParamOf } from '../adapters/__testing__/unsupported-param';
import { UpstreamProtocolError } from '../adapters/errors/upstream-protocol.error';
import type { UpstreamTarget } from '../adapters/upstream-adapter';
import { embeddingCodecFor } from './embedding-codecs';
import { geminiEmbeddingsCodec } from './gemini-embeddings.codec';
import { openAiEmbeddingsCodec } from './openai-embeddings.codec';

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
    const built = openAiEmbeddingsCodec.buildRequest(request({ encoding_format: 'base64', dimensions: 256, user: 'u' }), openai);
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
    const built = geminiEmbeddingsCodec.buildRequest(request({ dimensions: 768 }), gemini);
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

  it('refuses token ids and batches over 100, naming input', () => {
    expect(refusedParamOf(() => geminiEmbeddingsCodec.buildRequest(request({ input: [1, 2, 3] }), gemini))).toBe('input');
    const many = Array.from({ length: 101 }, (_, i) => `t${i}`);
    expect(refusedParamOf(() => geminiEmbeddingsCodec.buildRequest(request({ input: many }), gemini))).toBe('input');
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
