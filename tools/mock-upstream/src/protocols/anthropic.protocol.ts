// Anthropic Messages wire format.
// Sources:
//   https://docs.anthropic.com/en/api/messages (request validation, message object, usage fields)
//   https://docs.anthropic.com/en/docs/build-with-claude/streaming (event sequence: message_start,
//     content_block_start, ping, content_block_delta text_delta/input_json_delta, content_block_stop,
//     message_delta with stop_reason and usage.output_tokens, message_stop; `event:` line on every event)
//   https://docs.anthropic.com/en/api/errors (envelope {type:"error",error:{type,message},request_id},
//     401 authentication_error, 429 rate_limit_error, 500 api_error, 529 overloaded_error)
//   https://github.com/anthropics/anthropic-sdk-typescript streaming tests (event payload shapes)
import type { IncomingHttpHeaders } from 'node:http';
import { type ReplyPlan, type RequestFacts, isRecord, stopSequencesOf } from '../reply-plan';
import {
  type HttpReply,
  type ProtocolAdapter,
  type RenderContext,
  type Route,
  type StreamRendering,
  headerValue,
  jsonReply,
} from './protocol-adapter';

const BLOCK_TYPES = ['text', 'image', 'document', 'tool_use', 'tool_result', 'thinking', 'redacted_thinking', 'search_result'];
const STOP_REASONS = { stop: 'end_turn', length: 'max_tokens', tool_calls: 'tool_use', content_filter: 'refusal' } as const;

let errorSeq = 0;

function anthropicError(status: number, type: string, message: string, headers?: Record<string, string>): HttpReply {
  const requestId = `req_mockerr${++errorSeq}`;
  return jsonReply(status, { type: 'error', error: { type, message }, request_id: requestId }, { 'request-id': requestId, ...headers });
}

function invalid(message: string): HttpReply {
  return anthropicError(400, 'invalid_request_error', message);
}

function textChars(content: unknown): number {
  if (typeof content === 'string') return content.length;
  if (!Array.isArray(content)) return 0;
  let chars = 0;
  for (const block of content) {
    if (!isRecord(block)) continue;
    if (typeof block.text === 'string') chars += block.text.length;
    if (block.type === 'tool_use') chars += JSON.stringify(block.input ?? {}).length;
    if (block.type === 'tool_result') chars += textChars(block.content);
  }
  return chars;
}

export class AnthropicProtocol implements ProtocolAdapter {
  readonly protocol = 'anthropic' as const;
  readonly defaultModels = ['claude-sonnet-4-5', 'claude-haiku-4-5'];

  route(method: string, pathname: string): Route | undefined {
    if (method === 'POST' && pathname === '/v1/messages') return { kind: 'generate', stream: false };
    if (method === 'GET' && pathname === '/v1/models') return { kind: 'models' };
    return undefined;
  }

  authenticate(headers: IncomingHttpHeaders, _query: URLSearchParams, apiKey: string): HttpReply | undefined {
    const key = headerValue(headers, 'x-api-key');
    if (!key) return anthropicError(401, 'authentication_error', 'x-api-key header is required');
    if (key !== apiKey) return anthropicError(401, 'authentication_error', 'invalid x-api-key');
    if (!headerValue(headers, 'anthropic-version')) return invalid('anthropic-version: header is required');
    return undefined;
  }

  validate(body: unknown): HttpReply | undefined {
    if (!isRecord(body)) return invalid('Input should be a valid dictionary or object to extract fields from');
    if (typeof body.model !== 'string' || body.model === '') return invalid('model: Field required');
    if (body.max_tokens === undefined) return invalid('max_tokens: Field required');
    if (typeof body.max_tokens !== 'number' || !Number.isInteger(body.max_tokens))
      return invalid('max_tokens: Input should be a valid integer');
    if (body.max_tokens < 1) return invalid('max_tokens: Input should be greater than or equal to 1');
    if (body.messages === undefined) return invalid('messages: Field required');
    if (!Array.isArray(body.messages)) return invalid('messages: Input should be a valid list');
    if (body.messages.length === 0) return invalid('messages: at least one message is required');
    if (typeof body.temperature === 'number') {
      if (body.temperature > 1) return invalid('temperature: Input should be less than or equal to 1');
      if (body.temperature < 0) return invalid('temperature: Input should be greater than or equal to 0');
    }
    if (body.system !== undefined && typeof body.system !== 'string' && !Array.isArray(body.system)) {
      return invalid('system: Input should be a valid string');
    }
    if (body.tools !== undefined) {
      if (!Array.isArray(body.tools)) return invalid('tools: Input should be a valid list');
      for (let i = 0; i < body.tools.length; i++) {
        const tool = body.tools[i];
        if (!isRecord(tool)) return invalid(`tools.${i}: Input should be a valid dictionary`);
        // Server tools (web_search_..., bash_...) carry a versioned type and no schema.
        if (typeof tool.type === 'string' && tool.type !== 'custom') continue;
        if (typeof tool.name !== 'string') return invalid(`tools.${i}.name: Field required`);
        if (!isRecord(tool.input_schema)) return invalid(`tools.${i}.input_schema: Field required`);
      }
    }
    return this.validateMessages(body.messages);
  }

  private validateMessages(messages: unknown[]): HttpReply | undefined {
    let previousToolUseIds = new Set<string>();
    for (let i = 0; i < messages.length; i++) {
      const message = messages[i];
      if (!isRecord(message)) return invalid(`messages.${i}: Input should be a valid dictionary`);
      if (message.role === 'system') {
        return invalid(
          'messages: Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.',
        );
      }
      if (message.role !== 'user' && message.role !== 'assistant')
        return invalid(`messages.${i}.role: Input should be 'user' or 'assistant'`);
      const isFinalAssistant = i === messages.length - 1 && message.role === 'assistant';
      const content = message.content;
      if (typeof content === 'string') {
        if (content === '' && !isFinalAssistant) {
          return invalid(`messages.${i}: all messages must have non-empty content except for the optional final assistant message`);
        }
        if (previousToolUseIds.size > 0) return this.missingToolResults(i - 1, previousToolUseIds);
        previousToolUseIds = new Set();
        continue;
      }
      if (!Array.isArray(content)) return invalid(`messages.${i}.content: Input should be a valid string or list`);
      if (content.length === 0 && !isFinalAssistant) {
        return invalid(`messages.${i}: all messages must have non-empty content except for the optional final assistant message`);
      }
      const toolUseIds = new Set<string>();
      const answered = new Set<string>();
      for (let j = 0; j < content.length; j++) {
        const block = content[j];
        const where = `messages.${i}.content.${j}`;
        if (!isRecord(block) || typeof block.type !== 'string' || !BLOCK_TYPES.includes(block.type)) {
          const tag = isRecord(block) ? String(block.type) : typeof block;
          return invalid(
            `${where}: Input tag '${tag}' found using 'type' does not match any of the expected tags: ${BLOCK_TYPES.map((t) => `'${t}'`).join(', ')}`,
          );
        }
        if (block.type === 'text' && (typeof block.text !== 'string' || block.text === ''))
          return invalid('messages: text content blocks must be non-empty');
        if (block.type === 'image' && !isRecord(block.source)) return invalid(`${where}.image.source: Field required`);
        if (block.type === 'tool_use') {
          if (typeof block.id !== 'string' || typeof block.name !== 'string') return invalid(`${where}.tool_use.id: Field required`);
          if (!isRecord(block.input)) return invalid(`${where}.tool_use.input: Input should be a valid dictionary`);
          toolUseIds.add(block.id);
        }
        if (block.type === 'tool_result') {
          const id = typeof block.tool_use_id === 'string' ? block.tool_use_id : '';
          if (!previousToolUseIds.has(id)) {
            return invalid(
              `${where}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
            );
          }
          answered.add(id);
        }
      }
      const missing = [...previousToolUseIds].filter((id) => !answered.has(id));
      if (missing.length > 0) return this.missingToolResults(i - 1, new Set(missing));
      previousToolUseIds = message.role === 'assistant' ? toolUseIds : new Set();
    }
    return undefined;
  }

  private missingToolResults(index: number, ids: Set<string>): HttpReply {
    return invalid(
      `messages.${index}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${[...ids].join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
    );
  }

  facts(raw: unknown): RequestFacts {
    const body = raw as Record<string, unknown>;
    let promptChars = textChars(body.system);
    for (const message of body.messages as Record<string, unknown>[]) promptChars += textChars(message.content);
    return {
      model: body.model as string,
      stream: body.stream === true,
      includeUsage: false,
      maxOutputTokens: body.max_tokens as number,
      forcedTool: this.forcedTool(body),
      promptChars,
      stopSequences: stopSequencesOf(body.stop_sequences),
    };
  }

  private forcedTool(body: Record<string, unknown>): RequestFacts['forcedTool'] {
    const tools = (Array.isArray(body.tools) ? body.tools : []).filter(isRecord).filter((tool) => typeof tool.name === 'string');
    const choice = isRecord(body.tool_choice) ? body.tool_choice : undefined;
    if (tools.length === 0 || !choice) return undefined;
    let name: string | undefined;
    if (choice.type === 'any') name = String(tools[0].name);
    else if (choice.type === 'tool') name = String(choice.name);
    if (name === undefined) return undefined;
    return { name, parameters: tools.find((tool) => tool.name === name)?.input_schema };
  }

  completion(plan: ReplyPlan, ctx: RenderContext): HttpReply {
    const content: Record<string, unknown>[] = [];
    if (plan.thinking !== '') content.push({ type: 'thinking', thinking: plan.thinking, signature: this.signature(ctx) });
    if (plan.text !== '') content.push({ type: 'text', text: plan.text });
    for (const call of plan.toolCalls)
      content.push({ type: 'tool_use', id: this.toolId(call.id, ctx, call.index), name: call.name, input: call.args });
    const message: Record<string, unknown> = {
      id: `msg_mock${ctx.seq}`,
      type: 'message',
      role: 'assistant',
      model: ctx.facts.model,
      content,
      stop_reason: this.stopReason(plan),
      stop_sequence: plan.stopSequence ?? null,
    };
    if (plan.usage) message.usage = { ...this.inputUsage(plan), output_tokens: plan.usage.completionTokens };
    return jsonReply(200, message, { 'request-id': `req_mock${ctx.seq}` });
  }

  stream(plan: ReplyPlan, ctx: RenderContext): StreamRendering {
    const event = (type: string, data: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
    const frames: string[] = [];
    const message: Record<string, unknown> = {
      id: `msg_mock${ctx.seq}`,
      type: 'message',
      role: 'assistant',
      model: ctx.facts.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
    };
    if (plan.usage) message.usage = { ...this.inputUsage(plan), output_tokens: Math.min(1, plan.usage.completionTokens) };
    frames.push(event('message_start', { message }));

    let index = 0;
    const ping = () => event('ping', {});
    if (plan.thinkingPieces.length > 0) {
      frames.push(event('content_block_start', { index, content_block: { type: 'thinking', thinking: '', signature: '' } }));
      for (const piece of plan.thinkingPieces) {
        frames.push(event('content_block_delta', { index, delta: { type: 'thinking_delta', thinking: piece } }));
      }
      frames.push(event('content_block_delta', { index, delta: { type: 'signature_delta', signature: this.signature(ctx) } }));
      frames.push(event('content_block_stop', { index }));
      index++;
    }
    if (plan.textPieces.length > 0) {
      frames.push(event('content_block_start', { index, content_block: { type: 'text', text: '' } }));
      frames.push(ping());
      for (const piece of plan.textPieces) frames.push(event('content_block_delta', { index, delta: { type: 'text_delta', text: piece } }));
      frames.push(event('content_block_stop', { index }));
      index++;
    }
    for (const call of plan.toolCalls) {
      const block = { type: 'tool_use', id: this.toolId(call.id, ctx, call.index), name: call.name, input: {} };
      frames.push(event('content_block_start', { index, content_block: block }));
      if (index === 0) frames.push(ping());
      for (const piece of call.argPieces)
        frames.push(event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: piece } }));
      frames.push(event('content_block_stop', { index }));
      index++;
    }
    if (index === 0) frames.push(ping());

    const delta: Record<string, unknown> = { delta: { stop_reason: this.stopReason(plan), stop_sequence: plan.stopSequence ?? null } };
    if (plan.usage) delta.usage = { output_tokens: plan.usage.completionTokens };
    frames.push(event('message_delta', delta));
    frames.push(event('message_stop', {}));
    return { contentType: 'text/event-stream; charset=utf-8', headers: { 'request-id': `req_mock${ctx.seq}` }, frames };
  }

  private stopReason(plan: ReplyPlan): string {
    return plan.stopSequence !== undefined ? 'stop_sequence' : STOP_REASONS[plan.finishReason];
  }

  /** Anthropic counts cache reads and writes apart from input_tokens. */
  private inputUsage(plan: ReplyPlan): Record<string, number> {
    const usage = plan.usage!;
    return {
      input_tokens: Math.max(0, usage.promptTokens - usage.cachedTokens - usage.cacheCreationTokens),
      cache_creation_input_tokens: usage.cacheCreationTokens,
      cache_read_input_tokens: usage.cachedTokens,
    };
  }

  /** Real signatures are opaque base64; the mock's are deterministic so tests can send them back. */
  private signature(ctx: RenderContext): string {
    return Buffer.from(`mock-signature-${ctx.seq}`).toString('base64');
  }

  private toolId(id: string | undefined, ctx: RenderContext, index: number): string {
    return id ?? `toolu_mock${ctx.seq}_${index}`;
  }

  listModels(models: readonly string[]): HttpReply {
    const data = models.map((id) => ({ type: 'model', id, display_name: id, created_at: '2025-01-01T00:00:00Z' }));
    return jsonReply(200, { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
  }

  modelNotFound(model: string): HttpReply {
    return anthropicError(404, 'not_found_error', `model: ${model}`);
  }

  notFound(): HttpReply {
    return anthropicError(404, 'not_found_error', 'Not Found');
  }

  invalidJson(): HttpReply {
    return invalid('There was an error parsing the body of your request. Please make sure it is valid JSON.');
  }

  serverError(status: number): HttpReply {
    return status === 529
      ? anthropicError(529, 'overloaded_error', 'Overloaded')
      : anthropicError(status, 'api_error', 'Internal server error');
  }

  rateLimited(retryAfterSeconds: number): HttpReply {
    return anthropicError(429, 'rate_limit_error', 'Number of requests has exceeded your per-minute rate limit. Please try again later.', {
      'retry-after': String(retryAfterSeconds),
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '0',
      'anthropic-ratelimit-requests-reset': new Date(Date.now() + retryAfterSeconds * 1000).toISOString(),
    });
  }
}
