/** The vectors as OpenAI's embeddings response: floats, or base64 of little-endian float32 like OpenAI's. */
import type { EmbeddingEncodingFormat, EmbeddingResponse, EmbeddingUsage } from '@apilink/contracts';

export function toEmbeddingResponse(
  vectors: number[][],
  model: string,
  format: EmbeddingEncodingFormat,
  usage: EmbeddingUsage,
): EmbeddingResponse {
  return {
    object: 'list',
    data: vectors.map((vector, index) => ({
      object: 'embedding',
      index,
      embedding: format === 'base64' ? toBase64Float32(vector) : vector,
    })),
    model,
    usage,
  };
}

function toBase64Float32(vector: number[]): string {
  const bytes = Buffer.allocUnsafe(vector.length * 4);
  for (let i = 0; i < vector.length; i++) bytes.writeFloatLE(vector[i], i * 4);
  return bytes.toString('base64');
}
