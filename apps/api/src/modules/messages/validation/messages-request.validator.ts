/**
 * Validates the body of POST /v1/messages (and count_tokens) against Anthropic's request shapes,
 * with the same hand-written checks as chat (the hot path). Known fields are checked strictly;
 * other top-level fields (newer Anthropic betas) are accepted and reach Anthropic upstreams only.
 */
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
} from '../../completions/validation/field-checks';
import type { MessagesRequest } from '../wire/anthropic-messages.types';

const cacheControl = optional(objectOf({ type: oneOf(['ephemeral']), ttl: optional(oneOf(['5m', '1h'])) }));

const imageSource: Check = (value, path) => {
  if (!isRecord(value)) fail(path, 'must be an object');
  oneOf(['base64', 'url'])(value.type, `${path}.type`);
  if (value.type === 'base64') {
    checkFields(value, { type: () => undefined, media_type: string({ nonEmpty: true }), data: string({ nonEmpty: true }) }, path);
  } else {
    checkFields(
      value,
      { type: () => undefined, url: string({ nonEmpty: true, pattern: /^https?:\/\//i, patternText: 'must be an http(s) URL' }) },
      path,
    );
  }
};

const textBlock = {
  type: () => undefined,
  text: string({ nonEmpty: true }),
  cache_control: cacheControl,
  citations: optional(() => undefined),
};
const imageBlock = { type: () => undefined, source: imageSource, cache_control: cacheControl };

const documentBlock = {
  type: () => undefined,
  source: anyObject,
  title: optional(string()),
  context: optional(string()),
  citations: optional(anyObject),
  cache_control: cacheControl,
};

const BLOCKS: Record<string, Record<string, Check>> = {
  text: textBlock,
  image: imageBlock,
  document: documentBlock,
  tool_use: {
    type: () => undefined,
    id: string({ nonEmpty: true }),
    name: string({ nonEmpty: true }),
    input: anyObject,
    cache_control: cacheControl,
  },
  tool_result: {
    type: () => undefined,
    tool_use_id: string({ nonEmpty: true }),
    content: optional((value, path) =>
      typeof value === 'string' ? undefined : arrayOf(block(['text', 'image', 'document']))(value, path),
    ),
    is_error: optional(boolean),
    cache_control: cacheControl,
  },
  thinking: { type: () => undefined, thinking: string(), signature: string() },
  redacted_thinking: { type: () => undefined, data: string({ nonEmpty: true }) },
};

function block(types: string[]): Check {
  return (value, path) => {
    if (!isRecord(value)) fail(path, 'must be an object');
    oneOf(types)(value.type, `${path}.type`);
    checkFields(value, BLOCKS[value.type as string], path);
  };
}

const ALL_BLOCKS = block(Object.keys(BLOCKS));

const message = objectOf({
  role: oneOf(['user', 'assistant']),
  content: (value, path) => (typeof value === 'string' ? undefined : arrayOf(ALL_BLOCKS)(value, path)),
});

const tool: Check = (value, path) => {
  if (!isRecord(value)) fail(path, 'must be an object');
  // Anthropic's server tools (web_search_20250305, bash_20250124...) have a versioned type and no schema.
  if (typeof value.type === 'string' && value.type !== 'custom') return string({ nonEmpty: true })(value.name, `${path}.name`);
  checkFields(
    value,
    {
      type: optional(oneOf(['custom'])),
      name: string({ pattern: /^[a-zA-Z0-9_-]{1,128}$/, patternText: 'must be 1-128 letters, digits, underscores or dashes' }),
      description: optional(string()),
      input_schema: anyObject,
      cache_control: cacheControl,
    },
    path,
  );
};

const toolChoice: Check = (value, path) => {
  if (!isRecord(value)) fail(path, 'must be an object');
  oneOf(['auto', 'any', 'tool', 'none'])(value.type, `${path}.type`);
  const fields: Record<string, Check> = { type: () => undefined };
  if (value.type !== 'none') fields.disable_parallel_tool_use = optional(boolean);
  if (value.type === 'tool') fields.name = string({ nonEmpty: true });
  checkFields(value, fields, path);
};

const thinking: Check = (value, path) => {
  if (!isRecord(value)) fail(path, 'must be an object');
  oneOf(['enabled', 'disabled'])(value.type, `${path}.type`);
  checkFields(value, value.type === 'enabled' ? { type: () => undefined, budget_tokens: integer(1024) } : { type: () => undefined }, path);
};

const system: Check = (value, path) => (typeof value === 'string' ? undefined : arrayOf(block(['text']))(value, path));

const BODY: Record<string, Check> = {
  model: string({ nonEmpty: true, maxLength: 200 }),
  max_tokens: optional(integer(1)),
  messages: arrayOf(message, 1),
  system: optional(system),
  tools: optional(arrayOf(tool)),
  tool_choice: optional(toolChoice),
  stop_sequences: optional(arrayOf(string({ nonEmpty: true }))),
  temperature: optional(number(0, 1)),
  top_p: optional(number(0, 1)),
  top_k: optional(integer(0)),
  metadata: optional(objectOf({ user_id: optional(string({ maxLength: 256 })) })),
  thinking: optional(thinking),
  stream: optional(boolean),
};

/** @throws AppError 400 `invalid_request_error` naming the first offending field. */
export function validateMessagesRequest(body: unknown): MessagesRequest {
  if (!isRecord(body)) throw AppError.invalidRequest('The request body must be a JSON object');
  for (const key of Object.keys(BODY)) BODY[key](body[key], key);
  const thinkingConfig = body.thinking as MessagesRequest['thinking'];
  if (thinkingConfig?.type === 'enabled' && typeof body.max_tokens === 'number' && thinkingConfig.budget_tokens >= body.max_tokens) {
    throw AppError.invalidRequest('thinking.budget_tokens must be less than max_tokens', 'thinking.budget_tokens');
  }
  return body as MessagesRequest;
}
