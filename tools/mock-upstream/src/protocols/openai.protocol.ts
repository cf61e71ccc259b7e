// OpenAI Chat Completions wire format (and OpenAI's Responses API, openai-responses.ts), also spoken by DeepSeek, Mistral, xAI, Groq and other compatible hosts.
// Sources:
//   https://platform.openai.com/docs/api-reference/chat/create (request, chat.completion object)
//   https://platform.openai.com/docs/api-reference/chat/streaming (chat.completion.chunk, [DONE])
//   https://github.com/openai/openai-openapi openapi.yaml ChatCompletionStreamOptions (usage chunk has
//     `choices: []`; every other chunk carries `usage: null` when include_usage is set)
//   https://platform.openai.com/docs/guides/error-codes and openai-node's error tests (error envelope)
//   Tool-call deltas as recorded by SDK and client test fixtures: the first fragment carries index, id, type
//   and function.name with empty arguments, later fragments only index and argument pieces.
import type { IncomingHttpHeaders } from 'node:http';
import { type ReplyPlan, type RequestFacts, isRecord, stopSequencesOf } from '../reply-plan';
import type { MockOpenAiServer } from '../types';
import { openAiEmbeddingsReply } from './openai-embeddings';
import { OpenAiResponsesWire } from './openai-responses';
import {
  type EmbeddingsRoute,
  type GenerateRoute,
  type HttpReply,
  type ProtocolAdapter,
  type RenderContext,
  type Route,
  type StreamRendering,
  headerValue,
  jsonReply,
  maskKey,
} from './protocol-adapter';

const ROLES = ['system', 'assistant', 'user', 'function', 'tool', 'developer'];
const FINGERPRINT = 'fp_mock_upstream';
// SGLang's matched_stop on a natural end is the end-of-sequence token's id (Qwen's <|im_end|> here).
const SGLANG_EOS_TOKEN_ID = 151645;

function openAiError(
  status: number,
  message: string,
  type: string,
  param: string | null = null,
  code: string | null = null,
  headers?: Record<string, string>,
): HttpReply {
  return jsonReply(status, { error: { message, type, param, code } }, headers);
}

function invalid(message: string, param: string | null = null, code: string | null = null): HttpReply {
  return openAiError(400, message, 'invalid_request_error', param, code);
}

function contentChars(content: unknown): number {
  if (typeof content === 'string') return content.length;
  if (!Array.isArray(content)) return 0;
  let chars = 0;
  for (const part of content) if (isRecord(part) && typeof part.text === 'string') chars += part.text.length;
  return chars;
}

export class OpenAiProtocol implements ProtocolAdapter {
  readonly protocol = 'openai' as const;
  readonly defaultModels = ['gpt-4o-mini', 'gpt-4o'];
  private readonly completionsPath: string;
  private readonly modelsPath: string;
  private readonly embeddingsPath: string;
  private readonly responsesPath: string;
  private readonly responses = new OpenAiResponsesWire();

  constructor(
    basePath: string,
    private readonly server: MockOpenAiServer = 'openai',
  ) {
    this.completionsPath = `${basePath}/chat/completions`;
    this.modelsPath = `${basePath}/models`;
    this.embeddingsPath = `${basePath}/embeddings`;
    this.responsesPath = `${basePath}/responses`;
  }

  route(method: string, pathname: string): Route | undefined {
    if (method === 'POST' && pathname === this.completionsPath) return { kind: 'generate', stream: false };
    if (method === 'POST' && pathname === this.responsesPath) return { kind: 'generate', stream: false, api: 'responses' };
    if (method === 'POST' && pathname === this.embeddingsPath) return { kind: 'embeddings' };
    if (method === 'GET' && pathname === this.modelsPath) return { kind: 'models' };
    return undefined;
  }

  authenticate(headers: IncomingHttpHeaders, _query: URLSearchParams, apiKey: string): HttpReply | undefined {
    const match = /^Bearer\s+(.+)$/i.exec(headerValue(headers, 'authorization') ?? '');
    if (!match) {
      return openAiError(
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        'invalid_request_error',
      );
    }
    const key = match[1].trim();
    if (key !== apiKey) {
      return openAiError(
        401,
        `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        'invalid_request_error',
        null,
        'invalid_api_key',
      );
    }
    return undefined;
  }

  embeddings(body: unknown, _route: EmbeddingsRoute, promptTokens: number | undefined): HttpReply {
    return openAiEmbeddingsReply(body, promptTokens);
  }

  validate(body: unknown, route: GenerateRoute): HttpReply | undefined {
    if (route.api === 'responses') return this.responses.validate(body);
    if (!isRecord(body)) return invalid('Invalid body: expected a JSON object.');
    if (typeof body.model !== 'string' || body.model === '') return invalid('you must provide a model parameter');
    if (body.messages === undefined) return invalid("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
    if (!Array.isArray(body.messages)) return invalid("Invalid type for 'messages': expected an array.", 'messages', 'invalid_type');
    if (body.messages.length === 0) {
      return invalid(
        "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
        'messages',
        'empty_array',
      );
    }
    if (typeof body.temperature === 'number' && (body.temperature < 0 || body.temperature > 2)) {
      const above = body.temperature > 2;
      return invalid(
        `Invalid 'temperature': decimal ${above ? 'above maximum' : 'below minimum'} value. Expected a value ${above ? '<= 2' : '>= 0'}, but got ${body.temperature} instead.`,
        'temperature',
        above ? 'decimal_above_max_value' : 'decimal_below_min_value',
      );
    }
    if (body.stream_options !== undefined && body.stream_options !== null && body.stream !== true) {
      return invalid("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options');
    }
    const hasTools = Array.isArray(body.tools) && body.tools.length > 0;
    if (body.tool_choice !== undefined && body.tool_choice !== null && !hasTools) {
      return invalid("Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.", 'tool_choice');
    }
    return this.validateMessages(body.messages);
  }

  /** OpenAI rejects histories where tool results and tool calls do not pair up. */
  private validateMessages(messages: unknown[]): HttpReply | undefined {
    let pending: { index: number; ids: Set<string> } | undefined;
    const unanswered = (p: { index: number; ids: Set<string> }) =>
      invalid(
        `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...p.ids].join(', ')}`,
        `messages.[${p.index}].role`,
      );
    for (let i = 0; i < messages.length; i++) {
      const message = messages[i];
      if (!isRecord(message)) return invalid(`Invalid type for 'messages[${i}]': expected an object.`, `messages[${i}]`, 'invalid_type');
      if (typeof message.role !== 'string' || !ROLES.includes(message.role)) {
        return invalid(
          `Invalid value: '${String(message.role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
          `messages[${i}].role`,
          'invalid_value',
        );
      }
      if (message.role === 'tool') {
        const id = String(message.tool_call_id ?? '');
        if (!pending || !pending.ids.has(id)) {
          return invalid(
            "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
            `messages.[${i}].role`,
          );
        }
        pending.ids.delete(id);
        continue;
      }
      if (pending && pending.ids.size > 0) return unanswered(pending);
      pending = undefined;
      if (message.role === 'assistant' && Array.isArray(message.tool_calls) && message.tool_calls.length > 0) {
        pending = { index: i, ids: new Set(message.tool_calls.map((call) => String(isRecord(call) ? call.id : ''))) };
      }
    }
    if (pending && pending.ids.size > 0) return unanswered(pending);
    return undefined;
  }

  facts(raw: unknown, route: GenerateRoute): RequestFacts {
    if (route.api === 'responses') return this.responses.facts(raw, route);
    const body = raw as Record<string, unknown>;
    const stream = body.stream === true || route.stream;
    const streamOptions = isRecord(body.stream_options) ? body.stream_options : {};
    let promptChars = 0;
    for (const message of body.messages as Record<string, unknown>[]) {
      promptChars += contentChars(message.content);
      if (Array.isArray(message.tool_calls)) {
        for (const call of message.tool_calls) {
          if (isRecord(call) && isRecord(call.function)) promptChars += String(call.function.arguments ?? '').length;
        }
      }
    }
    const cap = body.max_completion_tokens ?? body.max_tokens;
    return {
      model: body.model as string,
      stream,
      includeUsage: stream && streamOptions.include_usage === true,
      maxOutputTokens: typeof cap === 'number' ? cap : undefined,
      forcedTool: this.forcedTool(body),
      promptChars,
      stopSequences: stopSequencesOf(body.stop),
    };
  }

  private forcedTool(body: Record<string, unknown>): RequestFacts['forcedTool'] {
    const tools = (Array.isArray(body.tools) ? body.tools : [])
      .filter(isRecord)
      .map((tool) => (isRecord(tool.function) ? tool.function : {}));
    if (tools.length === 0) return undefined;
    const choice = body.tool_choice;
    let name: string | undefined;
    if (choice === 'required') name = String(tools[0].name);
    else if (isRecord(choice) && isRecord(choice.function)) name = String(choice.function.name);
    if (name === undefined) return undefined;
    const tool = tools.find((t) => t.name === name);
    return { name, parameters: tool?.parameters };
  }

  completion(plan: ReplyPlan, ctx: RenderContext): HttpReply {
    if (ctx.route.api === 'responses') return this.responses.completion(plan, ctx);
    const message: Record<string, unknown> = {
      role: 'assistant',
      content: plan.text === '' && plan.toolCalls.length > 0 ? null : plan.text,
      refusal: null,
      annotations: [],
    };
    if (plan.thinking !== '') message.reasoning_content = plan.thinking;
    if (plan.toolCalls.length > 0) {
      message.tool_calls = plan.toolCalls.map((call) => ({
        id: this.callId(call.id, ctx, call.index),
        type: 'function',
        function: { name: call.name, arguments: call.argsJson },
      }));
    }
    const body: Record<string, unknown> = {
      id: `chatcmpl-mock${ctx.seq}`,
      object: 'chat.completion',
      created: ctx.created,
      model: ctx.facts.model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finishReason, ...this.matchedStop(plan) }],
      service_tier: 'default',
      system_fingerprint: FINGERPRINT,
    };
    if (plan.usage) body.usage = this.usage(plan);
    return jsonReply(200, body, { 'x-request-id': `req_mock${ctx.seq}` });
  }

  stream(plan: ReplyPlan, ctx: RenderContext): StreamRendering {
    if (ctx.route.api === 'responses') return this.responses.stream(plan, ctx);
    const usageField = ctx.facts.includeUsage && plan.usage !== undefined;
    const data = (choices: unknown[], usage?: unknown) => {
      const chunk: Record<string, unknown> = {
        id: `chatcmpl-mock${ctx.seq}`,
        object: 'chat.completion.chunk',
        created: ctx.created,
        model: ctx.facts.model,
        service_tier: 'default',
        system_fingerprint: FINGERPRINT,
        choices,
      };
      if (usageField) chunk.usage = usage ?? null;
      return `data: ${JSON.stringify(chunk)}\n\n`;
    };
    const frame = (delta: Record<string, unknown>, finishReason: string | null = null, extra: Record<string, unknown> = {}) =>
      data([{ index: 0, delta, logprobs: null, finish_reason: finishReason, ...extra }]);

    const toolFragments: Record<string, unknown>[] = [];
    for (const call of plan.toolCalls) {
      toolFragments.push({
        index: call.index,
        id: this.callId(call.id, ctx, call.index),
        type: 'function',
        function: { name: call.name, arguments: '' },
      });
      for (const piece of call.argPieces) toolFragments.push({ index: call.index, function: { arguments: piece } });
    }

    const frames: string[] = [];
    if (plan.textPieces.length === 0 && toolFragments.length > 0) {
      // A reply made only of tool calls opens with the role and the first fragment in one chunk, as OpenAI does.
      frames.push(frame({ role: 'assistant', content: null, tool_calls: [toolFragments.shift()], refusal: null }));
    } else {
      frames.push(frame({ role: 'assistant', content: '', refusal: null }));
    }
    for (const piece of plan.thinkingPieces) frames.push(frame({ reasoning_content: piece }));
    for (const piece of plan.textPieces) frames.push(frame({ content: piece }));
    for (const fragment of toolFragments) frames.push(frame({ tool_calls: [fragment] }));
    frames.push(frame({}, plan.finishReason, this.matchedStop(plan)));
    if (usageField) frames.push(data([], this.usage(plan)));
    frames.push('data: [DONE]\n\n');
    return { contentType: 'text/event-stream; charset=utf-8', headers: { 'x-request-id': `req_mock${ctx.seq}` }, frames };
  }

  /** What ended the choice, on the choice that finishes: vLLM's `stop_reason`, SGLang's `matched_stop`; OpenAI says nothing. */
  private matchedStop(plan: ReplyPlan): Record<string, unknown> {
    switch (this.server) {
      case 'vllm':
        return { stop_reason: plan.stopSequence ?? null };
      case 'sglang':
        return { matched_stop: plan.stopSequence ?? (plan.finishReason === 'stop' ? SGLANG_EOS_TOKEN_ID : null) };
      default:
        return {};
    }
  }

  private callId(id: string | undefined, ctx: RenderContext, index: number): string {
    return id ?? `call_mock${ctx.seq}_${index}`;
  }

  private usage(plan: ReplyPlan): Record<string, unknown> {
    const usage = plan.usage!;
    return {
      prompt_tokens: usage.promptTokens,
      completion_tokens: usage.completionTokens,
      total_tokens: usage.totalTokens,
      prompt_tokens_details: { cached_tokens: usage.cachedTokens, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    };
  }

  listModels(models: readonly string[]): HttpReply {
    return jsonReply(200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'system' })) });
  }

  modelNotFound(model: string): HttpReply {
    return openAiError(
      404,
      `The model \`${model}\` does not exist or you do not have access to it.`,
      'invalid_request_error',
      null,
      'model_not_found',
    );
  }

  notFound(method: string, path: string): HttpReply {
    return openAiError(404, `Invalid URL (${method} ${path})`, 'invalid_request_error');
  }

  invalidJson(): HttpReply {
    return invalid(
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
    );
  }

  serverError(status: number): HttpReply {
    const message =
      status === 503
        ? 'The engine is currently overloaded, please try again later.'
        : 'The server had an error while processing your request. Sorry about that!';
    return openAiError(status, message, 'server_error');
  }

  rateLimited(retryAfterSeconds: number): HttpReply {
    return openAiError(
      429,
      `Rate limit reached for requests per min (RPM): Limit 60, Used 60, Requested 1. Please try again in ${retryAfterSeconds}s.`,
      'requests',
      null,
      'rate_limit_exceeded',
      {
        'retry-after': String(retryAfterSeconds),
        'x-ratelimit-limit-requests': '60',
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': `${retryAfterSeconds}s`,
      },
    );
  }
}
