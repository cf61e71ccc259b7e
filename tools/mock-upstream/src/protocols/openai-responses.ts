// OpenAI's Responses API (POST {basePath}/responses), as OpenAI itself serves it, JSON and SSE.
// Sources:
//   https://platform.openai.com/docs/api-reference/responses/create (request, Response object)
//   https://platform.openai.com/docs/api-reference/responses-streaming (events, sequence_number on every event)
//   openai-openapi CreateResponse / Response / ResponseStreamEvent (the schemas vendored in libs/shared/testing)
//   openai-node src/lib/responses/ResponseStream.ts (how the SDK assembles events) and openai/codex, which sends
//     `store: false` with `include: ["reasoning.encrypted_content"]` and replays reasoning items in `input`.
// Behaviours kept: a reasoning item (scripted `thinking`) leads the output, with `encrypted_content` only when the
// request includes `reasoning.encrypted_content`; with `store: false` a reasoning input item without it is a 404
// (OpenAI cannot look it up); a function_call_output needs its function_call in the same input; events are
// `event: <type>` frames with no [DONE]; usage counts reasoning tokens inside output_tokens; a reasoning summary
// (the `response.reasoning_summary_*` events) only when `reasoning.summary` is set, as Codex sets it.
import { type PlannedToolCall, type ReplyPlan, type RequestFacts, isRecord } from '../reply-plan';
import { type GenerateRoute, type HttpReply, type RenderContext, type StreamRendering, jsonReply } from './protocol-adapter';

const ITEM_TYPES = ['message', 'function_call', 'function_call_output', 'reasoning', 'item_reference'];
const ENCRYPTED_REASONING = 'reasoning.encrypted_content';

type Json = Record<string, unknown>;

function invalid(message: string, param: string | null = null, code: string | null = null): HttpReply {
  return jsonReply(400, { error: { message, type: 'invalid_request_error', param, code } });
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('');
}

/** The deterministic opaque blob the mock returns for a reasoning item (OpenAI's is Fernet-encrypted, `gAAAAA…`). */
export function mockEncryptedReasoning(seq: number, thinking: string): string {
  return `gAAAAA${Buffer.from(JSON.stringify({ seq, thinking })).toString('base64')}`;
}

export class OpenAiResponsesWire {
  validate(body: unknown): HttpReply | undefined {
    if (!isRecord(body)) return invalid('Invalid body: expected a JSON object.');
    if (typeof body.model !== 'string' || body.model === '') return invalid("Missing required parameter: 'model'.", 'model');
    if (body.input === undefined) return invalid("Missing required parameter: 'input'.", 'input', 'missing_required_parameter');
    if (typeof body.input !== 'string' && !Array.isArray(body.input)) {
      return invalid("Invalid type for 'input': expected one of a string or an array of input items.", 'input', 'invalid_type');
    }
    const tools = Array.isArray(body.tools) ? body.tools : [];
    for (const [i, tool] of tools.entries()) {
      if (!isRecord(tool) || typeof tool.type !== 'string')
        return invalid(`Missing required parameter: 'tools[${i}].type'.`, `tools[${i}].type`);
      if (tool.type === 'function' && typeof tool.name !== 'string') {
        return invalid(`Missing required parameter: 'tools[${i}].name'.`, `tools[${i}].name`, 'missing_required_parameter');
      }
    }
    if (body.tool_choice !== undefined && body.tool_choice !== 'none' && body.tool_choice !== 'auto' && tools.length === 0) {
      return invalid("Tool choice 'required' or a named function must be used with 'tools'.", 'tool_choice');
    }
    return Array.isArray(body.input) ? this.validateItems(body.input, body.store !== false) : undefined;
  }

  private validateItems(items: unknown[], stored: boolean): HttpReply | undefined {
    const calls = new Set<string>();
    for (const [i, item] of items.entries()) {
      if (!isRecord(item)) return invalid(`Invalid type for 'input[${i}]': expected an object.`, `input[${i}]`, 'invalid_type');
      const type = item.type ?? 'message';
      if (typeof type !== 'string' || !ITEM_TYPES.includes(type)) {
        return invalid(
          `Invalid value: '${String(type)}'. Supported values are: ${ITEM_TYPES.map((t) => `'${t}'`).join(', ')}.`,
          `input[${i}].type`,
          'invalid_value',
        );
      }
      if (type === 'function_call') calls.add(String(item.call_id));
      if (type === 'function_call_output' && !calls.has(String(item.call_id))) {
        return invalid(`No tool call found for function call output with call_id ${String(item.call_id)}.`, 'input');
      }
      if (type === 'reasoning' && !stored && typeof item.encrypted_content !== 'string') {
        return jsonReply(404, {
          error: {
            message: `Item with id '${String(item.id)}' not found. Items are not persisted when \`store\` is set to false. Try again with \`store\` set to true, or remove this item from your input.`,
            type: 'invalid_request_error',
            param: 'input',
            code: null,
          },
        });
      }
    }
    return undefined;
  }

  facts(raw: unknown, route: GenerateRoute): RequestFacts {
    const body = raw as Json;
    let promptChars = typeof body.instructions === 'string' ? body.instructions.length : 0;
    if (typeof body.input === 'string') promptChars += body.input.length;
    else {
      for (const item of body.input as Json[]) {
        promptChars += textOf(item.content).length + textOf(item.output).length;
        if (typeof item.arguments === 'string') promptChars += item.arguments.length;
      }
    }
    const stream = body.stream === true || route.stream;
    return {
      model: body.model as string,
      stream,
      includeUsage: stream,
      maxOutputTokens: typeof body.max_output_tokens === 'number' ? body.max_output_tokens : undefined,
      forcedTool: this.forcedTool(body),
      promptChars,
    };
  }

  private forcedTool(body: Json): RequestFacts['forcedTool'] {
    const tools = (Array.isArray(body.tools) ? body.tools : []).filter((tool): tool is Json => isRecord(tool) && tool.type === 'function');
    if (tools.length === 0) return undefined;
    const choice = body.tool_choice;
    const name =
      choice === 'required' ? String(tools[0].name) : isRecord(choice) && choice.type === 'function' ? String(choice.name) : undefined;
    if (name === undefined) return undefined;
    return { name, parameters: tools.find((tool) => tool.name === name)?.parameters };
  }

  completion(plan: ReplyPlan, ctx: RenderContext): HttpReply {
    const output = this.outputItems(plan, ctx).map((item) => item.done);
    return jsonReply(200, this.response(plan, ctx, this.finalStatus(plan), output), { 'x-request-id': `req_mock${ctx.seq}` });
  }

  stream(plan: ReplyPlan, ctx: RenderContext): StreamRendering {
    let sequence = 0;
    const frames: string[] = [];
    const emit = (event: Json) => {
      const numbered = { ...event, sequence_number: sequence++ };
      frames.push(`event: ${String(event.type)}\ndata: ${JSON.stringify(numbered)}\n\n`);
    };
    const shell = this.response(plan, ctx, 'in_progress', []);
    emit({ type: 'response.created', response: shell });
    emit({ type: 'response.in_progress', response: shell });
    const items = this.outputItems(plan, ctx);
    items.forEach((item, outputIndex) => {
      emit({ type: 'response.output_item.added', output_index: outputIndex, item: item.added });
      for (const event of item.events) emit({ ...event, output_index: outputIndex });
      emit({ type: 'response.output_item.done', output_index: outputIndex, item: item.done });
    });
    const status = this.finalStatus(plan);
    const final = this.response(
      plan,
      ctx,
      status,
      items.map((item) => item.done),
    );
    emit({ type: status === 'completed' ? 'response.completed' : 'response.incomplete', response: final });
    return { contentType: 'text/event-stream; charset=utf-8', headers: { 'x-request-id': `req_mock${ctx.seq}` }, frames };
  }

  /** Each output item as `output_item.added` shows it, the events between, and as `output_item.done` shows it. */
  private outputItems(plan: ReplyPlan, ctx: RenderContext): { added: Json; events: Json[]; done: Json }[] {
    const body = ctx.request as Json;
    const items: { added: Json; events: Json[]; done: Json }[] = [];
    if (plan.thinking !== '') {
      const id = `rs_mock${ctx.seq}`;
      const included = Array.isArray(body.include) && body.include.includes(ENCRYPTED_REASONING);
      // A summary (the thinking text itself) only when the request asks for one, as OpenAI does.
      const summarized = isRecord(body.reasoning) && typeof body.reasoning.summary === 'string';
      const done: Json = { id, type: 'reasoning', summary: summarized ? [{ type: 'summary_text', text: plan.thinking }] : [] };
      if (included) done.encrypted_content = mockEncryptedReasoning(ctx.seq, plan.thinking);
      items.push({ added: { id, type: 'reasoning', summary: [] }, events: summarized ? this.summaryEvents(id, plan) : [], done });
    }
    if (plan.textPieces.length > 0) {
      const id = `msg_mock${ctx.seq}`;
      const part = (text: string) => ({ type: 'output_text', annotations: [], logprobs: [], text });
      const at = { item_id: id, content_index: 0 };
      const events: Json[] = [{ type: 'response.content_part.added', ...at, part: part('') }];
      for (const delta of plan.textPieces) events.push({ type: 'response.output_text.delta', ...at, delta, logprobs: [] });
      events.push({ type: 'response.output_text.done', ...at, text: plan.text, logprobs: [] });
      events.push({ type: 'response.content_part.done', ...at, part: part(plan.text) });
      const message = (status: string, content: Json[]) => ({ id, type: 'message', status, content, role: 'assistant' });
      items.push({ added: message('in_progress', []), events, done: message(this.itemStatus(plan), [part(plan.text)]) });
    }
    for (const call of plan.toolCalls) items.push(this.functionCall(call, ctx, plan));
    return items;
  }

  /** The summary's events: one part, its text in the thinking's pieces. */
  private summaryEvents(id: string, plan: ReplyPlan): Json[] {
    const at = { item_id: id, summary_index: 0 };
    return [
      { type: 'response.reasoning_summary_part.added', ...at, part: { type: 'summary_text', text: '' } },
      ...plan.thinkingPieces.map((delta) => ({ type: 'response.reasoning_summary_text.delta', ...at, delta })),
      { type: 'response.reasoning_summary_text.done', ...at, text: plan.thinking },
      { type: 'response.reasoning_summary_part.done', ...at, part: { type: 'summary_text', text: plan.thinking } },
    ];
  }

  private functionCall(call: PlannedToolCall, ctx: RenderContext, plan: ReplyPlan): { added: Json; events: Json[]; done: Json } {
    const id = `fc_mock${ctx.seq}_${call.index}`;
    const item = (status: string, args: string) => ({
      id,
      type: 'function_call',
      status,
      arguments: args,
      call_id: call.id ?? `call_mock${ctx.seq}_${call.index}`,
      name: call.name,
    });
    const events: Json[] = call.argPieces.map((delta) => ({ type: 'response.function_call_arguments.delta', item_id: id, delta }));
    events.push({ type: 'response.function_call_arguments.done', item_id: id, name: call.name, arguments: call.argsJson });
    return { added: item('in_progress', ''), events, done: item(this.itemStatus(plan), call.argsJson) };
  }

  private itemStatus(plan: ReplyPlan): string {
    return plan.finishReason === 'length' ? 'incomplete' : 'completed';
  }

  private finalStatus(plan: ReplyPlan): 'completed' | 'incomplete' {
    return plan.finishReason === 'length' || plan.finishReason === 'content_filter' ? 'incomplete' : 'completed';
  }

  /** The Response object: the request's settings echoed back as OpenAI does, usage once it is done. */
  private response(plan: ReplyPlan, ctx: RenderContext, status: string, output: Json[]): Json {
    const body = ctx.request as Json;
    const text = isRecord(body.text) ? body.text : {};
    const reasoning = isRecord(body.reasoning) ? body.reasoning : {};
    const done = status !== 'in_progress';
    const response: Json = {
      id: `resp_mock${ctx.seq}`,
      object: 'response',
      created_at: ctx.created,
      status,
      background: false,
      completed_at: status === 'completed' ? ctx.created : null,
      error: null,
      incomplete_details:
        status === 'incomplete' ? { reason: plan.finishReason === 'content_filter' ? 'content_filter' : 'max_output_tokens' } : null,
      instructions: typeof body.instructions === 'string' ? body.instructions : null,
      max_output_tokens: typeof body.max_output_tokens === 'number' ? body.max_output_tokens : null,
      max_tool_calls: null,
      model: ctx.facts.model,
      output,
      parallel_tool_calls: body.parallel_tool_calls !== false,
      previous_response_id: null,
      prompt_cache_key: null,
      reasoning: { effort: reasoning.effort ?? null, summary: reasoning.summary ?? null },
      safety_identifier: null,
      service_tier: 'default',
      store: body.store !== false,
      temperature: typeof body.temperature === 'number' ? body.temperature : 1,
      text: { format: text.format ?? { type: 'text' }, verbosity: 'medium' },
      tool_choice: body.tool_choice ?? 'auto',
      tools: (Array.isArray(body.tools) ? body.tools : []).filter(isRecord).map((tool) => ({
        type: 'function',
        description: tool.description ?? null,
        name: tool.name,
        parameters: tool.parameters ?? null,
        strict: tool.strict ?? true,
      })),
      top_logprobs: 0,
      top_p: typeof body.top_p === 'number' ? body.top_p : 1,
      truncation: 'disabled',
      metadata: isRecord(body.metadata) ? body.metadata : {},
    };
    // The published schema has neither `usage: null` nor `user: null`: usage appears once the response is done.
    const usage = done ? this.usage(plan) : null;
    return usage ? { ...response, usage } : response;
  }

  /** Reasoning tokens (one per thinking piece) are part of output_tokens, as OpenAI counts them. */
  private usage(plan: ReplyPlan): Json | null {
    if (!plan.usage) return null;
    const reasoningTokens = plan.thinkingPieces.length;
    const outputTokens = plan.usage.completionTokens + reasoningTokens;
    return {
      input_tokens: plan.usage.promptTokens,
      input_tokens_details: { cached_tokens: plan.usage.cachedTokens, cache_write_tokens: 0 },
      output_tokens: outputTokens,
      output_tokens_details: { reasoning_tokens: reasoningTokens },
      total_tokens: plan.usage.promptTokens + outputTokens,
    };
  }
}
