/**
 * How one upstream wire protocol serves embeddings: build the HTTP request, read the vectors and the
 * usage back. Pure functions like the chat adapters; errors are read by the protocol's chat adapter.
 */
import type { EmbeddingRequest } from '@apilink/contracts';
import type { UpstreamHttpRequest, UpstreamTarget } from '../adapters/upstream-adapter';

export interface EmbeddingAnswer {
  /** One vector per input, in input order. */
  vectors: number[][];
  /** Input tokens the upstream reported; null when it reports none (Gemini), and the gateway counts them. */
  promptTokens: number | null;
}

/** One upstream request and how many of the inputs (the next ones, in order) it embeds. */
export interface EmbeddingBatch {
  http: UpstreamHttpRequest;
  inputCount: number;
}

export interface EmbeddingCodec {
  /**
   * The upstream requests that together embed every input, in input order: one, or several when
   * the upstream takes fewer inputs per request than the client sent (Gemini: 100).
   * @throws UnsupportedParameterError (a 400 naming the parameter) when the upstream cannot honour it.
   */
  buildRequests(request: EmbeddingRequest, target: UpstreamTarget): EmbeddingBatch[];
  /** @throws UpstreamProtocolError when the body is not the upstream's answer for `inputCount` inputs. */
  parseResponse(json: unknown, inputCount: number): EmbeddingAnswer;
}

/** The inputs one by one: a string, or a list of token ids. */
export function embeddingInputs(input: EmbeddingRequest['input']): (string | number[])[] {
  if (typeof input === 'string') return [input];
  if (input.every((item) => typeof item === 'number')) return [input as number[]];
  return input as (string | number[])[];
}
