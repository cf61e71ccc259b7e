/**
 * Embeddings on OpenAI-compatible upstreams (OpenAI, Mistral...): POST {baseUrl}/embeddings with
 * OpenAI's body. Vectors are always asked for as floats (every compatible host supports them) and
 * encoded for the client by the gateway; `user` is dropped, as hosts such as Mistral refuse unknown fields.
 * `dimensions` changes the answer's shape, so a host that cannot shorten vectors (quirk
 * `embeddingDimensions: false`, Mistral) gets no request: the client gets a 400 naming it.
 */
import type { EmbeddingRequest } from '@apilink/contracts';
import { UnsupportedParameterError } from '../adapters/errors/unsupported-parameter.error';
import { UpstreamProtocolError } from '../adapters/errors/upstream-protocol.error';
import { isObject } from '../adapters/shared/json';
import type { UpstreamHttpRequest, UpstreamTarget } from '../adapters/upstream-adapter';
import type { EmbeddingAnswer, EmbeddingBatch, EmbeddingCodec } from './embedding-codec';
import { embeddingInputs } from './embedding-codec';

export const openAiEmbeddingsCodec: EmbeddingCodec = {
  buildRequests(request: EmbeddingRequest, target: UpstreamTarget): EmbeddingBatch[] {
    return [{ http: buildRequest(request, target), inputCount: embeddingInputs(request.input).length }];
  },

  parseResponse,
};

function buildRequest(request: EmbeddingRequest, target: UpstreamTarget): UpstreamHttpRequest {
  const body: Record<string, unknown> = { model: target.upstreamModel, input: request.input, encoding_format: 'float' };
  if (request.dimensions != null) {
    if (target.quirks?.embeddingDimensions === false) {
      throw new UnsupportedParameterError(
        'dimensions',
        "This model's provider returns vectors of one fixed size and cannot shorten them: leave dimensions out.",
      );
    }
    body.dimensions = request.dimensions;
  }
  return {
    method: 'POST',
    url: `${target.baseUrl.replace(/\/+$/, '')}/embeddings`,
    headers: { authorization: `Bearer ${target.apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    usageReported: true,
    droppedParams: request.user !== undefined && request.user !== null ? ['user'] : [],
  };
}

function parseResponse(json: unknown, inputCount: number): EmbeddingAnswer {
  if (!isObject(json) || !Array.isArray(json.data)) throw new UpstreamProtocolError('Upstream embeddings answer has no data list');
  const vectors: (number[] | undefined)[] = Array.from({ length: inputCount }, () => undefined);
  for (const item of json.data) {
    const index = isObject(item) ? item.index : undefined;
    if (!isObject(item) || typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= inputCount) {
      throw new UpstreamProtocolError('Upstream embeddings answer has an item without a valid index');
    }
    if (!isVector(item.embedding))
      throw new UpstreamProtocolError('Upstream embeddings answer has an embedding that is not a list of numbers');
    if (vectors[index]) throw new UpstreamProtocolError(`Upstream embeddings answer has index ${index} twice`);
    vectors[index] = item.embedding;
  }
  if (json.data.length !== inputCount || vectors.some((vector) => vector === undefined)) {
    throw new UpstreamProtocolError(`Upstream answered ${json.data.length} embeddings for ${inputCount} inputs`);
  }
  const usage = isObject(json.usage) ? json.usage.prompt_tokens : undefined;
  return {
    vectors: vectors as number[][],
    promptTokens: typeof usage === 'number' && Number.isInteger(usage) && usage >= 0 ? usage : null,
  };
}

function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'number' && Number.isFinite(item));
}
