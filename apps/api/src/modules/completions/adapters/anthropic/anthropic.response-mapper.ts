/** Maps a Messages API response onto an OpenAI chat completion with one choice. */
import type { ChatCompletionMessage, ChatCompletionMessageToolCall } from '@apilink/contracts';
import { UpstreamProtocolError } from '../errors/upstream-protocol.error';
import { isObject } from '../shared/json';
import { createCompletion } from '../shared/openai-objects';
import type { ParsedCompletion, ResponseContext } from '../upstream-adapter';
import { mapAnthropicStopReason } from './anthropic.finish-reason';
import { readAnthropicUsage, toUpstreamUsage } from './anthropic.usage';

export function mapAnthropicResponse(json: unknown, ctx: ResponseContext): ParsedCompletion {
  if (!isObject(json) || json.type !== 'message' || !Array.isArray(json.content)) {
    throw new UpstreamProtocolError('Anthropic returned a body that is not a message');
  }
  let text = '';
  const toolCalls: ChatCompletionMessageToolCall[] = [];
  for (const block of json.content) {
    if (!isObject(block)) continue;
    if (block.type === 'text' && typeof block.text === 'string') text += block.text;
    if (block.type === 'tool_use') {
      if (typeof block.id !== 'string' || typeof block.name !== 'string') {
        throw new UpstreamProtocolError('Anthropic returned a tool_use block without id or name');
      }
      toolCalls.push({ id: block.id, type: 'function', function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) } });
    }
    // thinking, redacted_thinking and server-tool blocks have no OpenAI counterpart.
  }
  const message: ChatCompletionMessage = { role: 'assistant', content: text === '' && toolCalls.length > 0 ? null : text };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  const usage = isObject(json.usage) ? toUpstreamUsage(readAnthropicUsage(json.usage)) : null;
  const choice = { index: 0, message, finish_reason: mapAnthropicStopReason(json.stop_reason) };
  return { completion: createCompletion(ctx, [choice], usage?.completionUsage), usage };
}
