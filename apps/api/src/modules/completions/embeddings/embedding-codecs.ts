/** The embeddings codec of each upstream protocol; Anthropic has no embeddings API. */
import { UnsupportedParameterError } from '../adapters/errors/unsupported-parameter.error';
import type { UpstreamProtocolName } from '@apilink/contracts';
import type { EmbeddingCodec } from './embedding-codec';
import { geminiEmbeddingsCodec } from './gemini-embeddings.codec';
import { openAiEmbeddingsCodec } from './openai-embeddings.codec';

const CODECS: Partial<Record<UpstreamProtocolName, EmbeddingCodec>> = { openai: openAiEmbeddingsCodec, gemini: geminiEmbeddingsCodec };

/** @throws UnsupportedParameterError naming `model` for a protocol without embeddings (a misrouted model). */
export function embeddingCodecFor(protocol: UpstreamProtocolName): EmbeddingCodec {
  const codec = CODECS[protocol];
  if (!codec) throw new UnsupportedParameterError('model', `This model's upstream (${protocol}) has no embeddings API.`);
  return codec;
}
