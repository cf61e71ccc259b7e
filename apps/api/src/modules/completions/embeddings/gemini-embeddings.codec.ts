/**
 * Embeddings on Gemini: POST {baseUrl}/v1beta/models/{model}:batchEmbedContents with one
 * EmbedContentRequest per input (its `model` must repeat the path's), `dimensions` as
 * `outputDimensionality`; the answer `{ embeddings: [{ values }] }` is in request order and reports
 * no usage, so the gateway bills its own count of the input tokens. Gemini takes at most 100
 * requests per batch: larger inputs go out as several batches, whose vectors are joined in order.
 *
 * Token-id inputs are refused: they are ids of OpenAI's tokenizer, which Gemini cannot read.
 * `user` is dropped (Gemini has no such field).
 */
import type { EmbeddingRequest } from '@apilink/contracts';
import { UnsupportedParameterError } from '../adapters/errors/unsupported-parameter.error';
import { UpstreamProtocolError } from '../adapters/errors/upstream-protocol.error';
import { isObject } from '../adapters/shared/json';
import type { UpstreamTarget } from '../adapters/upstream-adapter';
import { embeddingInputs, type EmbeddingAnswer, type EmbeddingBatch, type EmbeddingCodec } from './embedding-codec';

/** Gemini's limit on requests per batch. */
export const GEMINI_MAX_BATCH = 100;

export const geminiEmbeddingsCodec: EmbeddingCodec = {
  buildRequests(request: EmbeddingRequest, target: UpstreamTarget): EmbeddingBatch[] {
    const inputs = embeddingInputs(request.input);
    if (inputs.some((input) => typeof input !== 'string')) {
      throw new UnsupportedParameterError('input', "Token-id inputs are not supported by this model's provider: send the text instead.");
    }
    const model = target.upstreamModel.replace(/^models\//, '');
    const requests = (inputs as string[]).map((text) => {
      const item: Record<string, unknown> = { model: `models/${model}`, content: { parts: [{ text }] } };
      if (request.dimensions != null) item.outputDimensionality = request.dimensions;
      return item;
    });
    const batches: EmbeddingBatch[] = [];
    for (let start = 0; start < requests.length; start += GEMINI_MAX_BATCH) {
      const slice = requests.slice(start, start + GEMINI_MAX_BATCH);
      batches.push({
        inputCount: slice.length,
        http: {
          method: 'POST',
          url: `${target.baseUrl.replace(/\/+$/, '')}/v1beta/models/${encodeURIComponent(model)}:batchEmbedContents`,
          headers: { 'x-goog-api-key': target.apiKey, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ requests: slice }),
          usageReported: false,
          droppedParams: request.user !== undefined && request.user !== null ? ['user'] : [],
        },
      });
    }
    return batches;
  },

  parseResponse(json: unknown, inputCount: number): EmbeddingAnswer {
    if (!isObject(json) || !Array.isArray(json.embeddings))
      throw new UpstreamProtocolError('Upstream embeddings answer has no embeddings list');
    if (json.embeddings.length !== inputCount) {
      throw new UpstreamProtocolError(`Upstream answered ${json.embeddings.length} embeddings for ${inputCount} inputs`);
    }
    const vectors = json.embeddings.map((item) => {
      const values = isObject(item) ? item.values : undefined;
      if (!Array.isArray(values) || values.length === 0 || !values.every((value) => typeof value === 'number' && Number.isFinite(value))) {
        throw new UpstreamProtocolError('Upstream embeddings answer has an embedding that is not a list of numbers');
      }
      return values as number[];
    });
    return { vectors, promptTokens: null };
  },
};
