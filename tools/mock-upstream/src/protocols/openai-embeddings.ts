// OpenAI's POST /v1/embeddings, as OpenAI-compatible hosts (OpenAI, Mistral...) answer it.
// Sources: https://platform.openai.com/docs/api-reference/embeddings/create (request: input as a string, an array of
//   strings, an array of token ids or an array of token arrays, at most 2048 inputs; encoding_format float|base64;
//   dimensions only for text-embedding-3 and later; response: object "list", data[] of object "embedding" with index,
//   model, usage { prompt_tokens, total_tokens }); openai-openapi CreateEmbeddingRequest/CreateEmbeddingResponse.
import { mockEmbedding, toBase64Floats } from '../embedding-vectors';
import { estimateTokens, isRecord } from '../reply-plan';
import { type HttpReply, jsonReply } from './protocol-adapter';

const MAX_INPUTS = 2048;
const DEFAULT_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'mistral-embed': 1024,
};

function invalid(message: string, param: string | null = null): HttpReply {
  return jsonReply(400, { error: { message, type: 'invalid_request_error', param, code: null } });
}

const isTokenArray = (value: unknown): value is number[] =>
  Array.isArray(value) && value.length > 0 && value.every((token) => Number.isInteger(token) && (token as number) >= 0);

/** The inputs one by one (strings or token arrays), or an error reply naming what is wrong. */
function inputsOf(input: unknown): (string | number[])[] | HttpReply {
  if (typeof input === 'string') return input === '' ? invalid("'$.input' is invalid: it must not be empty.", 'input') : [input];
  if (!Array.isArray(input) || input.length === 0) return invalid("'$.input' is invalid. Please check the API reference.", 'input');
  if (isTokenArray(input)) return [input];
  if (input.length > MAX_INPUTS) return invalid(`'$.input' is too long: at most ${MAX_INPUTS} inputs are allowed.`, 'input');
  const inputs: (string | number[])[] = [];
  for (const item of input) {
    if ((typeof item === 'string' && item !== '') || isTokenArray(item)) inputs.push(item);
    else return invalid("'$.input' is invalid. Please check the API reference.", 'input');
  }
  return inputs;
}

export function openAiEmbeddingsReply(body: unknown, promptTokensOverride: number | undefined): HttpReply {
  if (!isRecord(body)) return invalid('Invalid body: expected a JSON object.');
  if (typeof body.model !== 'string' || body.model === '') return invalid('you must provide a model parameter');
  if (body.input === undefined) return invalid("Missing required parameter: 'input'.", 'input');
  const inputs = inputsOf(body.input);
  if (!Array.isArray(inputs)) return inputs;
  const format = body.encoding_format ?? 'float';
  if (format !== 'float' && format !== 'base64') {
    return invalid(
      `Invalid value for 'encoding_format': '${String(format)}'. Supported values are: 'float' and 'base64'.`,
      'encoding_format',
    );
  }
  let dimensions = DEFAULT_DIMENSIONS[body.model] ?? 768;
  if (body.dimensions !== undefined && body.dimensions !== null) {
    if (!body.model.startsWith('text-embedding-3')) return invalid('This model does not support specifying dimensions.', 'dimensions');
    if (!Number.isInteger(body.dimensions) || (body.dimensions as number) < 1 || (body.dimensions as number) > dimensions) {
      return invalid(`Invalid 'dimensions': must be an integer between 1 and ${dimensions}.`, 'dimensions');
    }
    dimensions = body.dimensions as number;
  }
  const promptTokens =
    promptTokensOverride ??
    inputs.reduce((sum, input) => sum + (typeof input === 'string' ? estimateTokens(input.length) : input.length), 0);
  return jsonReply(200, {
    object: 'list',
    data: inputs.map((input, index) => {
      const values = mockEmbedding(input, dimensions);
      return { object: 'embedding', index, embedding: format === 'base64' ? toBase64Floats(values) : values };
    }),
    model: body.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  });
}
