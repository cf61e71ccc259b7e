/** Builds the upstream request for an OpenAI-compatible provider by applying its quirks record. */
import {
  CHAT_COMPLETION_REQUEST_PARAMS,
  type ChatCompletionMessageParam,
  type ChatCompletionRequest,
  type ChatCompletionRequestParam,
} from '@apilink/contracts';
import { UnsupportedParameterError } from '../errors/unsupported-parameter.error';
import type { BuildRequestContext, UpstreamHttpRequest, UpstreamTarget } from '../upstream-adapter';
import { OPENAI_QUIRKS, type OpenAiCompatQuirks } from '../../../upstreams/providers/openai-compat.quirks';

export function mapOpenAiCompatRequest(req: ChatCompletionRequest, target: UpstreamTarget, ctx: BuildRequestContext): UpstreamHttpRequest {
  const quirks = target.quirks ?? OPENAI_QUIRKS;
  const params = forwardedParams(req);
  for (const param of quirks.rejectParams) {
    if (param in params) {
      throw new UnsupportedParameterError(param, `Parameter '${param}' is not supported by this model's provider.`);
    }
  }
  const droppedParams = quirks.dropParams.filter((param) => param in params);
  for (const param of droppedParams) delete params[param];
  const body: Record<string, unknown> = { model: target.upstreamModel, messages: mapMessages(req.messages, quirks) };
  for (const [param, value] of Object.entries(params)) {
    body[quirks.renameParams[param as ChatCompletionRequestParam] ?? param] = value;
  }
  applyStreaming(body, quirks, ctx.stream);
  return {
    method: 'POST',
    url: `${target.baseUrl.replace(/\/+$/, '')}/chat/completions`,
    headers: {
      authorization: `Bearer ${target.apiKey}`,
      'content-type': 'application/json',
      accept: ctx.stream ? 'text/event-stream' : 'application/json',
    },
    body: JSON.stringify(body),
    usageReported: !ctx.stream || quirks.streamUsage !== 'never',
    droppedParams,
  };
}

/**
 * Only known parameters travel upstream, and only set ones: unknown client fields (`store`,
 * `metadata`...) could trigger provider features the gateway neither bills nor supports.
 */
function forwardedParams(req: ChatCompletionRequest): Partial<Record<ChatCompletionRequestParam, unknown>> {
  const params: Partial<Record<ChatCompletionRequestParam, unknown>> = {};
  for (const param of CHAT_COMPLETION_REQUEST_PARAMS) {
    const value = req[param];
    if (value !== undefined && value !== null) params[param] = value;
  }
  // n = 1 is the default everywhere, so it never counts as "using" n against a provider.
  if (params.n === 1) delete params.n;
  // The gateway decides streaming from ctx, not from the client's flags.
  delete params.stream;
  delete params.stream_options;
  return params;
}

function applyStreaming(body: Record<string, unknown>, quirks: OpenAiCompatQuirks, stream: boolean): void {
  if (!stream) return;
  body.stream = true;
  // Billing needs usage even when the client did not ask for it; the caller decides what to forward.
  if (quirks.streamUsage === 'stream_options') body.stream_options = { include_usage: true };
}

function mapMessages(messages: ChatCompletionMessageParam[], quirks: OpenAiCompatQuirks): ChatCompletionMessageParam[] {
  return messages.map((message) => {
    let mapped: ChatCompletionMessageParam = message;
    if (mapped.role === 'developer' && quirks.developerRole === 'system') {
      mapped = { ...mapped, role: 'system' };
    }
    if (quirks.flattenTextContent) mapped = flattenText(mapped);
    return mapped;
  });
}

function flattenText(message: ChatCompletionMessageParam): ChatCompletionMessageParam {
  const content = message.content;
  if (!Array.isArray(content) || !content.every((part) => part.type === 'text')) return message;
  return { ...message, content: content.map((part) => (part.type === 'text' ? part.text : '')).join('') } as ChatCompletionMessageParam;
}
