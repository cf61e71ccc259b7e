/**
 * Validates POST /v1/responses bodies with the chat validator's field checks (400s naming the field).
 * The gateway is stateless: what needs a stored response or OpenAI's hosted tools is refused by
 * name with what to do instead; fields that only tune OpenAI's own service are accepted and ignored.
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
  oneOf,
  optional,
  string,
  type Check,
} from '../../completions/validation/field-checks';
import type { ResponsesRequest } from '../wire/responses.types';

const NAME = { pattern: /^[a-zA-Z0-9_-]{1,64}$/, patternText: 'must be 1-64 letters, digits, underscores or dashes' };
const EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'];

const refuse =
  (message: string): Check =>
  (value, path) => {
    if (value !== undefined && value !== null) throw AppError.invalidRequest(message, path);
  };

const contentPart: Check = (value, path) => {
  if (!isRecord(value)) fail(path, 'must be an object');
  oneOf(['input_text', 'output_text', 'input_image', 'refusal', 'input_file'])(value.type, `${path}.type`);
  if (value.type === 'input_file') {
    throw AppError.invalidRequest('File inputs are not supported by this gateway: send the text as input_text.', `${path}.type`);
  }
  if (value.type === 'input_image') {
    if (typeof value.image_url !== 'string' || value.image_url === '') {
      throw AppError.invalidRequest(
        'input_image needs an image_url (a https URL or a data: URL); file_id needs stored files.',
        `${path}.image_url`,
      );
    }
  } else if (value.type === 'refusal') string()(value.refusal, `${path}.refusal`);
  else string()(value.text, `${path}.text`);
};

const content: Check = (value, path) => {
  if (typeof value === 'string') return;
  arrayOf(contentPart)(value, path);
};

const inputItem: Check = (value, path) => {
  if (!isRecord(value)) fail(path, 'must be an object');
  const type = value.type ?? 'message';
  if (type === 'item_reference') {
    throw AppError.invalidRequest(
      'item_reference needs stored responses, which this gateway does not keep: send the items themselves.',
      `${path}.type`,
    );
  }
  oneOf(['message', 'function_call', 'function_call_output', 'reasoning'])(type, `${path}.type`);
  if (type === 'message') {
    oneOf(['user', 'assistant', 'system', 'developer'])(value.role, `${path}.role`);
    content(value.content, `${path}.content`);
  } else if (type === 'function_call') {
    string({ nonEmpty: true })(value.call_id, `${path}.call_id`);
    string(NAME)(value.name, `${path}.name`);
    string()(value.arguments, `${path}.arguments`);
  } else if (type === 'function_call_output') {
    string({ nonEmpty: true })(value.call_id, `${path}.call_id`);
    content(value.output, `${path}.output`);
  }
};

const input: Check = (value, path) => {
  if (typeof value === 'string') {
    if (value === '') fail(path, 'should not be empty');
    return;
  }
  arrayOf(inputItem, 1)(value, path);
};

const tool: Check = (value, path) => {
  if (!isRecord(value)) fail(path, 'must be an object');
  if (value.type !== 'function') {
    throw AppError.invalidRequest(
      `Tool type '${String(value.type)}' is not available through this gateway (it has no built-in tools such as web search, ` +
        'file search or computer use): define a function tool and run it on your side.',
      `${path}.type`,
    );
  }
  string(NAME)(value.name, `${path}.name`);
  optional(string())(value.description, `${path}.description`);
  optional(anyObject)(value.parameters, `${path}.parameters`);
  optional(boolean)(value.strict, `${path}.strict`);
};

const toolChoice: Check = (value, path) => {
  if (typeof value === 'string') return oneOf(['none', 'auto', 'required'])(value, path);
  if (!isRecord(value) || value.type !== 'function') {
    throw AppError.invalidRequest("tool_choice must be 'none', 'auto', 'required' or {type: 'function', name}.", path);
  }
  string(NAME)(value.name, `${path}.name`);
};

const textFormat: Check = (value, path) => {
  if (!isRecord(value)) fail(path, 'must be an object');
  oneOf(['text', 'json_object', 'json_schema'])(value.type, `${path}.type`);
  if (value.type === 'json_schema') {
    string(NAME)(value.name, `${path}.name`);
    anyObject(value.schema, `${path}.schema`);
  }
};

const BODY: Record<string, Check> = {
  model: string({ nonEmpty: true, maxLength: 200 }),
  input,
  instructions: optional(string()),
  tools: optional(arrayOf(tool)),
  tool_choice: optional(toolChoice),
  parallel_tool_calls: optional(boolean),
  max_output_tokens: optional(integer(1)),
  temperature: optional(number(0, 2)),
  top_p: optional(number(0, 1)),
  reasoning: optional((value, path) => {
    if (!isRecord(value)) fail(path, 'must be an object');
    optional(oneOf(EFFORTS))(value.effort, `${path}.effort`);
  }),
  text: optional((value, path) => {
    if (!isRecord(value)) fail(path, 'must be an object');
    optional(textFormat)(value.format, `${path}.format`);
  }),
  metadata: optional(anyObject),
  store: optional(boolean),
  include: optional(arrayOf(string())),
  stream: optional(boolean),
  stream_options: optional(anyObject),
  previous_response_id: refuse(
    'previous_response_id needs stored responses, which this gateway does not keep (it stores no prompts or answers): send the full input instead.',
  ),
  conversation: refuse('conversation needs stored conversations, which this gateway does not keep: send the full input instead.'),
  background: (value, path) => {
    if (value === true)
      throw AppError.invalidRequest('Background responses need stored responses: send the request without background.', path);
  },
  prompt: refuse('Stored prompt templates are not available through this gateway: send instructions and input instead.'),
  // Accepted for compatibility and ignored: they tune OpenAI's own service, not the answer.
  truncation: optional(oneOf(['auto', 'disabled'])),
  service_tier: optional(string()),
  user: optional(string({ maxLength: 256 })),
  safety_identifier: optional(string()),
  prompt_cache_key: optional(string()),
  prompt_cache_retention: optional(string()),
};

/** @throws AppError 400 `invalid_request_error` whose `param` names the first offending field. */
export function validateResponsesRequest(body: unknown): ResponsesRequest {
  if (!isRecord(body)) throw AppError.invalidRequest('The request body must be a JSON object');
  if (body.input === undefined) throw AppError.invalidRequest("Missing required parameter: 'input'.", 'input');
  checkFields(body, BODY, '');
  return body as unknown as ResponsesRequest;
}
