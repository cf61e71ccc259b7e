/**
 * Validates the body of POST /v1/chat/completions by hand instead of with class-validator DTOs:
 * it runs on every request of the gateway's hot path, where the reflective DTO pipeline cost
 * 100-150 µs per small request against a few µs here (see docs/benchmark.md). The rules are the
 * OpenAI request's; unknown fields are refused by name, a few harmless ones accepted and not forwarded.
 */
import type { ChatCompletionRequest, ReasoningEffort } from '@apilink/contracts';
import { AppError } from '../../../common/errors/app-error';
import {
  anyObject,
  arrayOf,
  boolean,
  checkFields,
  fail,
  integer,
  isRecord,
  number,
  objectOf,
  oneOf,
  optional,
  string,
  type Check,
} from './field-checks';
import { messageContent, stopSequences, toolChoice } from './message-content.check';

const NAME = { pattern: /^[a-zA-Z0-9_-]{1,64}$/, patternText: 'must be 1-64 letters, digits, underscores or dashes' };
const REASONING_EFFORTS: ReasoningEffort[] = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'];
const ROLES = ['system', 'developer', 'user', 'assistant', 'tool'];
/**
 * Checked before each message is: a 4 MB body holds ~130,000 minimal messages, whose validation
 * alone held the event loop for 150-300 ms. Far above any real conversation.
 */
export const MAX_MESSAGES = 10_000;

const toolCall = objectOf({
  id: string({ nonEmpty: true }),
  type: oneOf(['function']),
  function: objectOf({ name: string({ nonEmpty: true }), arguments: string() }),
});

const message: Check = (value, path) => {
  if (!isRecord(value)) fail(path, 'must be an object');
  oneOf(ROLES)(value.role, `${path}.role`);
  const role = value.role as string;
  checkFields(
    value,
    {
      role: () => undefined,
      content: messageContent(role),
      name: optional(string({ maxLength: 64 })),
      tool_calls: role === 'assistant' ? optional(arrayOf(toolCall)) : forbidden,
      tool_call_id: role === 'tool' ? string({ nonEmpty: true }) : forbidden,
      refusal: optional(string()),
    },
    path,
  );
};

/** A field another role may carry but this one may not. */
function forbidden(value: unknown, path: string): void {
  if (value !== undefined && value !== null) throw AppError.invalidRequest(`property ${path} should not exist`, path);
}

const tool = objectOf({
  type: oneOf(['function']),
  function: objectOf({
    name: string(NAME),
    description: optional(string()),
    parameters: optional(anyObject),
    strict: optional(boolean),
  }),
});

const responseFormat: Check = (value, path) => {
  if (!isRecord(value)) fail(path, 'must be an object');
  oneOf(['text', 'json_object', 'json_schema'])(value.type, `${path}.type`);
  const jsonSchema = objectOf({
    name: string(NAME),
    description: optional(string()),
    schema: optional(anyObject),
    strict: optional(boolean),
  });
  checkFields(value, { type: () => undefined, json_schema: value.type === 'json_schema' ? jsonSchema : optional(jsonSchema) }, path);
};

/** Audio output changes what the answer is; no upstream route of the gateway produces it. */
const textOutputOnly: Check = (value, path) => {
  arrayOf(oneOf(['text', 'audio']), 1)(value, path);
  if ((value as string[]).includes('audio')) {
    throw AppError.invalidRequest('Audio output is not supported by this gateway: send modalities ["text"] or leave it out.', path);
  }
};

const noAudio: Check = (value, path) => {
  if (value !== undefined && value !== null) {
    throw AppError.invalidRequest('Audio output is not supported by this gateway: leave out `audio`.', path);
  }
};

const BODY: Record<string, Check> = {
  model: string({ nonEmpty: true, maxLength: 200 }),
  messages: arrayOf(message, 1, MAX_MESSAGES),
  tools: optional(arrayOf(tool)),
  tool_choice: optional(toolChoice),
  parallel_tool_calls: optional(boolean),
  response_format: optional(responseFormat),
  temperature: optional(number(0, 2)),
  top_p: optional(number(0, 1)),
  stop: optional(stopSequences),
  max_tokens: optional(integer(1)),
  max_completion_tokens: optional(integer(1)),
  seed: optional(integer()),
  n: optional(integer(1, 128)),
  user: optional(string({ maxLength: 256 })),
  reasoning_effort: optional(oneOf(REASONING_EFFORTS)),
  presence_penalty: optional(number(-2, 2)),
  frequency_penalty: optional(number(-2, 2)),
  logit_bias: optional(anyObject),
  logprobs: optional(boolean),
  top_logprobs: optional(integer(0, 20)),
  stream: optional(boolean),
  stream_options: optional(objectOf({ include_usage: optional(boolean), include_obfuscation: optional(boolean) })),
  modalities: optional(textOutputOnly),
  audio: noAudio,
  // Accepted for compatibility and not forwarded: none of them changes the answer.
  store: optional(boolean),
  metadata: optional(anyObject),
  service_tier: optional(string()),
  prompt_cache_key: optional(string()),
  safety_identifier: optional(string()),
};

/** @throws AppError 400 `invalid_request_error` whose `param` names the first offending field. */
export function validateChatRequest(body: unknown): ChatCompletionRequest {
  if (!isRecord(body)) throw AppError.invalidRequest('The request body must be a JSON object');
  checkFields(body, BODY, '');
  return body as unknown as ChatCompletionRequest;
}
