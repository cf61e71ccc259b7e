/**
 * Builds a generateContent / streamGenerateContent request from an OpenAI chat request.
 *
 * Decisions: `user`, `parallel_tool_calls`, `logit_bias` and the penalties are dropped and named in
 * `droppedParams` (Gemini has no equivalent, or — for the penalties — most current models refuse
 * them, and they are hints that do not change the answer's shape); `logprobs` and `top_logprobs`
 * are refused; `reasoning_effort` becomes a thinking budget with the levels Google's own OpenAI
 * compatibility layer uses.
 */
import type { ChatCompletionRequest, ChatCompletionTool, ChatCompletionToolChoice, ReasoningEffort } from '@apilink/contracts';
import { UnsupportedParameterError } from '../errors/unsupported-parameter.error';
import { setParams } from '../shared/dropped-params';
import type { BuildRequestContext, UpstreamHttpRequest, UpstreamTarget } from '../upstream-adapter';
import { mapGeminiConversation } from './gemini.content-mapper';
import { cleanGeminiSchema } from './gemini.schema-cleaner';
import type { GeminiFunctionDeclaration, GeminiGenerationConfig, GeminiRequestBody, GeminiToolConfig } from './gemini.types';

const THINKING_BUDGETS: Record<ReasoningEffort, number> = {
  none: 0,
  minimal: 1024,
  low: 1024,
  medium: 8192,
  high: 24576,
  xhigh: 32768,
  max: 32768,
};

const DROPPED_PARAMS = ['user', 'parallel_tool_calls', 'logit_bias', 'presence_penalty', 'frequency_penalty'] as const;

export function mapGeminiRequest(req: ChatCompletionRequest, target: UpstreamTarget, ctx: BuildRequestContext): UpstreamHttpRequest {
  for (const param of ['logprobs', 'top_logprobs'] as const) {
    if (req[param] != null && req[param] !== false) {
      throw new UnsupportedParameterError(param, `Parameter '${param}' is not supported by this model.`);
    }
  }
  const body: GeminiRequestBody = mapGeminiConversation(req.messages);
  if (req.tools && req.tools.length > 0) {
    body.tools = [{ functionDeclarations: req.tools.map(mapTool) }];
    if (req.tool_choice) body.toolConfig = mapToolChoice(req.tool_choice);
  }
  const generationConfig = mapGenerationConfig(req);
  if (Object.keys(generationConfig).length > 0) body.generationConfig = generationConfig;
  const model = encodeURIComponent(target.upstreamModel.replace(/^models\//, ''));
  const base = `${target.baseUrl.replace(/\/+$/, '')}/v1beta/models/${model}`;
  return {
    method: 'POST',
    url: ctx.stream ? `${base}:streamGenerateContent?alt=sse` : `${base}:generateContent`,
    headers: {
      'x-goog-api-key': target.apiKey,
      'content-type': 'application/json',
      accept: ctx.stream ? 'text/event-stream' : 'application/json',
    },
    body: JSON.stringify(body),
    usageReported: true,
    droppedParams: setParams(req, DROPPED_PARAMS),
  };
}

function mapTool(tool: ChatCompletionTool, i: number): GeminiFunctionDeclaration {
  const declaration: GeminiFunctionDeclaration = { name: tool.function.name };
  if (tool.function.description) declaration.description = tool.function.description;
  const parameters = cleanGeminiSchema(tool.function.parameters, `tools[${i}].function.parameters`);
  // Gemini rejects an OBJECT without properties; a tool without arguments simply has no parameters.
  const hasProperties = typeof parameters.properties === 'object' && Object.keys(parameters.properties as object).length > 0;
  if (hasProperties) declaration.parameters = parameters;
  return declaration;
}

function mapToolChoice(choice: ChatCompletionToolChoice): GeminiToolConfig {
  if (choice === 'none') return { functionCallingConfig: { mode: 'NONE' } };
  if (choice === 'auto') return { functionCallingConfig: { mode: 'AUTO' } };
  if (choice === 'required') return { functionCallingConfig: { mode: 'ANY' } };
  return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.function.name] } };
}

function mapGenerationConfig(req: ChatCompletionRequest): GeminiGenerationConfig {
  const config: GeminiGenerationConfig = {};
  if (req.temperature != null) config.temperature = req.temperature;
  if (req.top_p != null) config.topP = req.top_p;
  const maxTokens = req.max_completion_tokens ?? req.max_tokens;
  if (maxTokens != null) config.maxOutputTokens = maxTokens;
  const stop = typeof req.stop === 'string' ? [req.stop] : req.stop;
  if (stop && stop.length > 0) config.stopSequences = stop;
  if (req.n != null && req.n !== 1) config.candidateCount = req.n;
  if (req.seed != null) config.seed = req.seed;
  const format = req.response_format;
  if (format?.type === 'json_object') config.responseMimeType = 'application/json';
  if (format?.type === 'json_schema') {
    config.responseMimeType = 'application/json';
    if (format.json_schema.schema) {
      config.responseSchema = cleanGeminiSchema(format.json_schema.schema, 'response_format.json_schema.schema');
    }
  }
  // Unknown levels (newer than this table) leave the model's own default rather than guessing.
  const thinkingBudget = req.reasoning_effort != null ? THINKING_BUDGETS[req.reasoning_effort] : undefined;
  if (thinkingBudget !== undefined) config.thinkingConfig = { thinkingBudget };
  return config;
}
