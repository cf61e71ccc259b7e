/**
 * Builds a Messages API request from an OpenAI chat request.
 *
 * Decisions where OpenAI parameters have no faithful Anthropic equivalent:
 * - `n` > 1, `response_format` json_object/json_schema, `logprobs`/`top_logprobs` and
 *   `temperature` > 1 are refused: ignoring them would silently change the answer the client asked for.
 * - `reasoning_effort` (other than 'none') is refused: extended thinking needs its signed thinking
 *   blocks sent back on every tool-use turn, which OpenAI's message format cannot carry.
 * - `seed`, `presence_penalty`, `frequency_penalty` and `logit_bias` are dropped (and named in
 *   `droppedParams`): they are sampling hints that agents and frameworks send by default, and OpenAI
 *   itself only promises best-effort determinism from `seed`.
 */
import type { ChatCompletionRequest, ChatCompletionTool, ChatCompletionToolChoice } from '@apilink/contracts';
import { UnsupportedParameterError } from '../errors/unsupported-parameter.error';
import { setParams } from '../shared/dropped-params';
import type { BuildRequestContext, UpstreamHttpRequest, UpstreamTarget } from '../upstream-adapter';
import { mapAnthropicConversation } from './anthropic.message-mapper';
import type { AnthropicRequestBody, AnthropicTool, AnthropicToolChoice } from './anthropic.types';

export const ANTHROPIC_VERSION = '2023-06-01';

const DROPPED_PARAMS = ['seed', 'presence_penalty', 'frequency_penalty', 'logit_bias'] as const;

export function mapAnthropicRequest(req: ChatCompletionRequest, target: UpstreamTarget, ctx: BuildRequestContext): UpstreamHttpRequest {
  rejectUnsupported(req);
  const { system, messages } = mapAnthropicConversation(req.messages);
  const body: AnthropicRequestBody = {
    model: target.upstreamModel,
    max_tokens: req.max_completion_tokens ?? req.max_tokens ?? ctx.defaultMaxTokens,
    messages,
  };
  if (system.length > 0) body.system = system;
  if (req.tools && req.tools.length > 0) {
    body.tools = req.tools.map(mapTool);
    const toolChoice = mapToolChoice(req.tool_choice, req.parallel_tool_calls);
    if (toolChoice) body.tool_choice = toolChoice;
  }
  const stop = typeof req.stop === 'string' ? [req.stop] : req.stop;
  if (stop && stop.length > 0) body.stop_sequences = stop;
  if (req.temperature != null) body.temperature = req.temperature;
  if (req.top_p != null) body.top_p = req.top_p;
  if (req.user) body.metadata = { user_id: req.user };
  if (ctx.stream) body.stream = true;
  return {
    method: 'POST',
    url: `${target.baseUrl.replace(/\/+$/, '')}/v1/messages`,
    headers: {
      'x-api-key': target.apiKey,
      'anthropic-version': ANTHROPIC_VERSION,
      'content-type': 'application/json',
      accept: ctx.stream ? 'text/event-stream' : 'application/json',
    },
    body: JSON.stringify(body),
    usageReported: true,
    droppedParams: setParams(req, DROPPED_PARAMS),
  };
}

function rejectUnsupported(req: ChatCompletionRequest): void {
  const refuse = (param: string, why: string): never => {
    throw new UnsupportedParameterError(param, `Parameter '${param}' is not supported by this model: ${why}`);
  };
  if (req.n != null && req.n > 1) refuse('n', 'only one choice can be generated per request.');
  const format = req.response_format?.type;
  if (format === 'json_object' || format === 'json_schema') refuse('response_format', 'JSON output modes are not available.');
  if (req.reasoning_effort != null && req.reasoning_effort !== 'none') {
    refuse('reasoning_effort', 'extended thinking is not available through this API.');
  }
  if (req.temperature != null && req.temperature > 1) refuse('temperature', 'the maximum is 1.');
  if (req.logprobs) refuse('logprobs', 'log probabilities are not available.');
  if (req.top_logprobs != null) refuse('top_logprobs', 'log probabilities are not available.');
}

function mapTool(tool: ChatCompletionTool): AnthropicTool {
  const mapped: AnthropicTool = {
    name: tool.function.name,
    // Anthropic requires an object schema even for tools without arguments.
    input_schema: tool.function.parameters ?? { type: 'object', properties: {} },
  };
  if (tool.function.description) mapped.description = tool.function.description;
  return mapped;
}

function mapToolChoice(
  choice: ChatCompletionToolChoice | undefined,
  parallelToolCalls: boolean | undefined,
): AnthropicToolChoice | undefined {
  if (choice === 'none') return { type: 'none' };
  const disableParallel = parallelToolCalls === false ? { disable_parallel_tool_use: true } : {};
  if (choice === undefined) return parallelToolCalls === false ? { type: 'auto', ...disableParallel } : undefined;
  if (choice === 'auto') return { type: 'auto', ...disableParallel };
  if (choice === 'required') return { type: 'any', ...disableParallel };
  return { type: 'tool', name: choice.function.name, ...disableParallel };
}
