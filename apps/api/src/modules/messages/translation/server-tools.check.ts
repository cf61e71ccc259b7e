import { UnsupportedParameterError } from '../../completions/adapters/errors/unsupported-parameter.error';
import type { MessagesRequest } from '../wire/anthropic-messages.types';

/** Anthropic's server tools (web search, bash...) run on Anthropic's side; other upstreams cannot honour them. */
export function refuseServerTools(request: MessagesRequest): void {
  const index = (request.tools ?? []).findIndex((tool) => tool.type !== undefined && tool.type !== 'custom');
  if (index < 0) return;
  throw new UnsupportedParameterError(
    `tools.${index}.type`,
    `Anthropic server tools (${String(request.tools![index].type)}) run only on Claude models; define a custom tool with an input_schema instead.`,
  );
}
