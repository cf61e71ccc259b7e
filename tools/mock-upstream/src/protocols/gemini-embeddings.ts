// Gemini's models/{model}:batchEmbedContents.
// Sources: https://ai.google.dev/api/embeddings (BatchEmbedContentsRequest: `requests`, each an EmbedContentRequest
//   with `model` "models/{model}" equal to the path's, `content.parts[].text`, optional `taskType`, `title` and
//   `outputDimensionality`; response { embeddings: [{ values }] } in request order, with no usage metadata;
//   gemini-embedding-001 answers 3072 values unless outputDimensionality asks for fewer.)
import { mockEmbedding } from '../embedding-vectors';
import { isRecord } from '../reply-plan';
import { type HttpReply, jsonReply } from './protocol-adapter';

const MAX_REQUESTS = 100;
const MAX_DIMENSIONS = 3072;

function invalidArgument(message: string): HttpReply {
  return jsonReply(400, { error: { code: 400, message, status: 'INVALID_ARGUMENT' } });
}

function textOf(content: unknown): string | undefined {
  if (!isRecord(content) || !Array.isArray(content.parts) || content.parts.length === 0) return undefined;
  let text = '';
  for (const part of content.parts) {
    if (!isRecord(part) || typeof part.text !== 'string') return undefined;
    text += part.text;
  }
  return text;
}

export function geminiEmbeddingsReply(body: unknown, model: string): HttpReply {
  if (!isRecord(body) || !Array.isArray(body.requests) || body.requests.length === 0) {
    return invalidArgument('* BatchEmbedContentsRequest.requests: contents is not specified');
  }
  if (body.requests.length > MAX_REQUESTS) {
    return invalidArgument(`* BatchEmbedContentsRequest.requests: at most ${MAX_REQUESTS} requests can be in one batch.`);
  }
  const embeddings: { values: number[] }[] = [];
  for (const [index, request] of body.requests.entries()) {
    if (!isRecord(request)) return invalidArgument(`* BatchEmbedContentsRequest.requests[${index}]: must be an object`);
    if (request.model !== `models/${model}`) {
      return invalidArgument(
        `* BatchEmbedContentsRequest.requests[${index}].model: unexpected model name format or the model does not match the batch model models/${model}`,
      );
    }
    const text = textOf(request.content);
    if (text === undefined || text === '') {
      return invalidArgument(`* BatchEmbedContentsRequest.requests[${index}].content: contents is not specified`);
    }
    const dimensions = request.outputDimensionality ?? MAX_DIMENSIONS;
    if (!Number.isInteger(dimensions) || (dimensions as number) < 1 || (dimensions as number) > MAX_DIMENSIONS) {
      return invalidArgument(
        `* BatchEmbedContentsRequest.requests[${index}].output_dimensionality: must be between 1 and ${MAX_DIMENSIONS}`,
      );
    }
    embeddings.push({ values: mockEmbedding(text, dimensions as number) });
  }
  return jsonReply(200, { embeddings });
}
