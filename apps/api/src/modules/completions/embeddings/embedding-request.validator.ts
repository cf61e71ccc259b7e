/** Validates the body of POST /v1/embeddings with the same field checks as chat (400s naming the field). */
import type { EmbeddingRequest } from '@apilink/contracts';
import { AppError } from '../../../common/errors/app-error';
import { checkFields, fail, integer, isRecord, oneOf, optional, string, type Check } from '../validation/field-checks';

/** OpenAI's own limit on inputs per request. */
export const MAX_EMBEDDING_INPUTS = 2048;

const isTokenList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.length > 0 && value.every((token) => Number.isSafeInteger(token) && (token as number) >= 0);

const input: Check = (value, path) => {
  if (typeof value === 'string') {
    if (value.length === 0) fail(path, 'should not be empty');
    return;
  }
  if (!Array.isArray(value) || value.length === 0) fail(path, 'must be a non-empty string, array of strings or array of token arrays');
  if (isTokenList(value)) return;
  if (value.length > MAX_EMBEDDING_INPUTS) fail(path, `must have at most ${MAX_EMBEDDING_INPUTS} inputs`);
  value.forEach((item, index) => {
    if (typeof item === 'string' ? item.length === 0 : !isTokenList(item)) {
      fail(`${path}.${index}`, 'must be a non-empty string or a non-empty array of token ids');
    }
  });
};

const BODY: Record<string, Check> = {
  model: string({ nonEmpty: true, maxLength: 200 }),
  input,
  encoding_format: optional(oneOf(['float', 'base64'])),
  dimensions: optional(integer(1, 65_536)),
  user: optional(string({ maxLength: 256 })),
};

/** @throws AppError 400 `invalid_request_error` whose `param` names the first offending field. */
export function validateEmbeddingRequest(body: unknown): EmbeddingRequest {
  if (!isRecord(body)) throw AppError.invalidRequest('The request body must be a JSON object');
  if (body.input === undefined) throw AppError.invalidRequest("Missing required parameter: 'input'.", 'input');
  checkFields(body, BODY, '');
  return body as unknown as EmbeddingRequest;
}
