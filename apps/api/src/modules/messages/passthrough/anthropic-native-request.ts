/**
 * The client's Messages request as an Anthropic upstream receives it: the body as sent (cache_control,
 * thinking signatures, server tools and newer fields intact) with only the model id, the max_tokens
 * default and the stream flag rewritten, and the allowed betas.
 */
import type { BuildRequestContext, UpstreamHttpRequest, UpstreamTarget } from '../../completions/adapters/upstream-adapter';
import { ANTHROPIC_VERSION } from '../../completions/adapters/anthropic/anthropic.request-mapper';
import type { MessagesRequest } from '../wire/anthropic-messages.types';

export function anthropicNativeRequest(
  request: MessagesRequest,
  betas: string | null,
  target: UpstreamTarget,
  build: BuildRequestContext,
): UpstreamHttpRequest {
  const { stream: _stream, ...rest } = request;
  const body: Record<string, unknown> = { ...rest, model: target.upstreamModel, max_tokens: request.max_tokens ?? build.defaultMaxTokens };
  if (build.stream) body.stream = true;
  const headers: Record<string, string> = {
    'x-api-key': target.apiKey,
    'anthropic-version': ANTHROPIC_VERSION,
    'content-type': 'application/json',
    accept: build.stream ? 'text/event-stream' : 'application/json',
  };
  if (betas) headers['anthropic-beta'] = betas;
  return {
    method: 'POST',
    url: `${target.baseUrl.replace(/\/+$/, '')}/v1/messages`,
    headers,
    body: JSON.stringify(body),
    usageReported: true,
    // Passed through as the client sent it: nothing is left out.
    droppedParams: [],
  };
}
