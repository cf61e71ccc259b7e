/**
 * What only Anthropic upstreams can honour: server tools (web search, bash...) that run on
 * Anthropic's side, and document blocks (PDFs). Elsewhere they get a 400 naming them rather than
 * being dropped, which would change the answer.
 */
import { UnsupportedParameterError } from '../../completions/adapters/errors/unsupported-parameter.error';
import type { ContentBlockParam, MessagesRequest } from '../wire/anthropic-messages.types';

export function refuseAnthropicOnly(request: MessagesRequest): void {
  const toolIndex = (request.tools ?? []).findIndex((tool) => tool.type !== undefined && tool.type !== 'custom');
  if (toolIndex >= 0) {
    throw new UnsupportedParameterError(
      `tools.${toolIndex}.type`,
      `Anthropic server tools (${String(request.tools![toolIndex].type)}) run only on Claude models; define a custom tool with an input_schema instead.`,
    );
  }
  request.messages.forEach((message, i) => {
    if (typeof message.content === 'string') return;
    message.content.forEach((block, j) => {
      const nested = block.type === 'tool_result' && Array.isArray(block.content) ? block.content : [];
      if (block.type === 'document' || nested.some((part: ContentBlockParam) => part.type === 'document')) {
        throw new UnsupportedParameterError(
          `messages.${i}.content.${j}`,
          'Document blocks (PDFs) are read only by Claude models; send the text, or use a Claude model.',
        );
      }
    });
  });
}
