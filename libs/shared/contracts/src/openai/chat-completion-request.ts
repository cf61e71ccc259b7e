/**
 * Request body of OpenAI's `POST /v1/chat/completions`, as clients send it to the gateway.
 * Mirrors the public API reference; fields the gateway does not forward are still typed so
 * adapters can reject them by name instead of silently ignoring them.
 */
import type { ChatCompletionMessageParam } from './chat-message-param';

export interface FunctionDefinition {
  name: string;
  description?: string;
  /** JSON Schema of the arguments object. */
  parameters?: Record<string, unknown>;
  strict?: boolean | null;
}

export interface ChatCompletionTool {
  type: 'function';
  function: FunctionDefinition;
}

export interface ChatCompletionNamedToolChoice {
  type: 'function';
  function: { name: string };
}

export type ChatCompletionToolChoice = 'none' | 'auto' | 'required' | ChatCompletionNamedToolChoice;

export interface JsonSchemaFormat {
  name: string;
  description?: string;
  schema?: Record<string, unknown>;
  strict?: boolean | null;
}

export type ResponseFormat = { type: 'text' } | { type: 'json_object' } | { type: 'json_schema'; json_schema: JsonSchemaFormat };

export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max';

export interface StreamOptions {
  include_usage?: boolean;
}

export interface ChatCompletionRequest {
  model: string;
  messages: ChatCompletionMessageParam[];
  tools?: ChatCompletionTool[];
  tool_choice?: ChatCompletionToolChoice;
  parallel_tool_calls?: boolean;
  response_format?: ResponseFormat;
  temperature?: number | null;
  top_p?: number | null;
  stop?: string | string[] | null;
  /** Deprecated by OpenAI in favour of max_completion_tokens, still widely sent. */
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  seed?: number | null;
  n?: number | null;
  user?: string;
  reasoning_effort?: ReasoningEffort | null;
  presence_penalty?: number | null;
  frequency_penalty?: number | null;
  logit_bias?: Record<string, number> | null;
  logprobs?: boolean | null;
  top_logprobs?: number | null;
  stream?: boolean | null;
  stream_options?: StreamOptions | null;
}

/** Every top-level parameter name, so quirk records can name them type-safely. */
export type ChatCompletionRequestParam = Exclude<keyof ChatCompletionRequest, 'model' | 'messages'>;

/** Runtime list of ChatCompletionRequestParam, for validating configuration that names parameters. */
export const CHAT_COMPLETION_REQUEST_PARAMS = [
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'temperature',
  'top_p',
  'stop',
  'max_tokens',
  'max_completion_tokens',
  'seed',
  'n',
  'user',
  'reasoning_effort',
  'presence_penalty',
  'frequency_penalty',
  'logit_bias',
  'logprobs',
  'top_logprobs',
  'stream',
  'stream_options',
] as const satisfies readonly ChatCompletionRequestParam[];

// Compile-time guard: adding a request field without listing it above fails the build here.
type UnlistedParam = Exclude<ChatCompletionRequestParam, (typeof CHAT_COMPLETION_REQUEST_PARAMS)[number]>;
const assertAllParamsListed: UnlistedParam extends never ? true : never = true;
void assertAllParamsListed;
