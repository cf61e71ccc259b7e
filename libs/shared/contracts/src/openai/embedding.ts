/** OpenAI's `POST /v1/embeddings` request and response, as the gateway accepts and answers them. */

/** A string, strings, one list of token ids, or several lists of token ids (cl100k_base ids for OpenAI's models). */
export type EmbeddingInput = string | string[] | number[] | number[][];

export type EmbeddingEncodingFormat = 'float' | 'base64';

export interface EmbeddingRequest {
  model: string;
  input: EmbeddingInput;
  /** `float` (default) or `base64`: the little-endian float32 values, base64-encoded. */
  encoding_format?: EmbeddingEncodingFormat | null;
  /** Fewer dimensions than the model's default, for models that support it. */
  dimensions?: number | null;
  user?: string;
}

export interface Embedding {
  object: 'embedding';
  index: number;
  embedding: number[] | string;
}

export interface EmbeddingUsage {
  prompt_tokens: number;
  total_tokens: number;
  /** ApiLink's addition, as on chat usage: the request's cost in USD with 6 decimals. */
  cost?: string;
}

export interface EmbeddingResponse {
  object: 'list';
  data: Embedding[];
  model: string;
  usage: EmbeddingUsage;
}
