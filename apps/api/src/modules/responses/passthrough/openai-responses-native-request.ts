/**
 * The client's Responses request as an OpenAI upstream receives it on its own `/responses`: the
 * body as sent (input items with reasoning `encrypted_content`, `include`, `text.format`, newer
 * fields) with the model id rewritten and `store: false` forced, since the gateway keeps nothing
 * and must not leave the customer's content stored at the provider either.
 */
import type { BuildRequestContext, UpstreamHttpRequest, UpstreamTarget } from '../../completions/adapters/upstream-adapter';
import type { InputItem, ResponsesRequest } from '../wire/responses.types';

/**
 * Left out, and named in x-apilink-dropped-params: `service_tier` changes the provider's price
 * (priority costs more, flex less) while the gateway bills the catalog's price.
 */
const PRICE_CHANGING = ['service_tier'];

/**
 * With `store: false` OpenAI can only take a reasoning item back through its `encrypted_content`:
 * one without it (returned when the client did not include `reasoning.encrypted_content`) would be
 * looked up by id and answered 404, so it is left out and the model reasons afresh, as translated
 * upstreams do.
 */
function resolvable(item: InputItem): boolean {
  return item.type !== 'reasoning' || typeof item.encrypted_content === 'string';
}

export function openAiResponsesNativeRequest(
  request: ResponsesRequest,
  target: UpstreamTarget,
  build: BuildRequestContext,
): UpstreamHttpRequest {
  const body: Record<string, unknown> = { ...request, model: target.upstreamModel, store: false };
  if (Array.isArray(request.input)) body.input = request.input.filter(resolvable);
  delete body.stream;
  if (build.stream) body.stream = true;
  else delete body.stream_options;
  const droppedParams = PRICE_CHANGING.filter((param) => body[param] !== undefined);
  for (const param of droppedParams) delete body[param];
  return {
    method: 'POST',
    url: `${target.baseUrl.replace(/\/+$/, '')}/responses`,
    headers: {
      authorization: `Bearer ${target.apiKey}`,
      'content-type': 'application/json',
      accept: build.stream ? 'text/event-stream' : 'application/json',
    },
    body: JSON.stringify(body),
    usageReported: true,
    droppedParams,
  };
}
