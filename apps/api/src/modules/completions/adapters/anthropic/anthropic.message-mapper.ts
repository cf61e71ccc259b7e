/**
 * Maps OpenAI `messages[]` to Anthropic's `system` + alternating `messages`: system and developer
 * turns move to the top-level system prompt, tool results become user turns, and consecutive
 * turns of the same role are merged because Anthropic requires strict alternation.
 */
import type { ChatCompletionContentPart, ChatCompletionMessageParam, ChatCompletionMessageToolCall } from '@apilink/contracts';
import { UnsupportedParameterError } from '../errors/unsupported-parameter.error';
import { parseDataUrl } from '../shared/data-url';
import { contentText } from '../shared/message-content';
import type { AnthropicContentBlock, AnthropicMessage } from './anthropic.types';

// Anthropic accepts only these image types as base64 sources.
const BASE64_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

export interface AnthropicConversation {
  system: { type: 'text'; text: string }[];
  messages: AnthropicMessage[];
}

export function mapAnthropicConversation(messages: ChatCompletionMessageParam[]): AnthropicConversation {
  const system: { type: 'text'; text: string }[] = [];
  const turns: AnthropicMessage[] = [];
  messages.forEach((message, i) => {
    if (message.role === 'system' || message.role === 'developer') {
      const text = contentText(message.content);
      if (text) system.push({ type: 'text', text });
      return;
    }
    const blocks = toBlocks(message, i);
    // Anthropic rejects empty turns, e.g. an assistant message holding only a refusal.
    if (blocks.length === 0) return;
    const role = message.role === 'assistant' ? 'assistant' : 'user';
    const last = turns[turns.length - 1];
    if (last && last.role === role) last.content.push(...blocks);
    else turns.push({ role, content: blocks });
  });
  return { system, messages: turns };
}

function toBlocks(message: Exclude<ChatCompletionMessageParam, { role: 'system' | 'developer' }>, i: number): AnthropicContentBlock[] {
  switch (message.role) {
    case 'user':
      return typeof message.content === 'string'
        ? textBlocks(message.content)
        : message.content.flatMap((part, j) => partBlocks(part, `messages[${i}].content[${j}]`));
    case 'assistant':
      return [
        ...textBlocks(contentText(message.content)),
        ...(message.tool_calls ?? []).map((call, j) => toolUseBlock(call, `messages[${i}].tool_calls[${j}]`)),
      ];
    case 'tool':
      return [{ type: 'tool_result', tool_use_id: message.tool_call_id, content: contentText(message.content) }];
  }
}

// Anthropic rejects empty text blocks, which OpenAI clients send freely.
function textBlocks(text: string): AnthropicContentBlock[] {
  return text ? [{ type: 'text', text }] : [];
}

function partBlocks(part: ChatCompletionContentPart, path: string): AnthropicContentBlock[] {
  if (part.type === 'text') return textBlocks(part.text);
  const url = part.image_url.url;
  if (url.startsWith('data:')) {
    const parsed = parseDataUrl(url);
    if (!parsed || !BASE64_IMAGE_TYPES.includes(parsed.mimeType)) {
      throw new UnsupportedParameterError(
        `${path}.image_url.url`,
        `Images must be base64 data URLs of type ${BASE64_IMAGE_TYPES.join(', ')} or https URLs for this model.`,
      );
    }
    return [{ type: 'image', source: { type: 'base64', media_type: parsed.mimeType, data: parsed.data } }];
  }
  if (!/^https?:\/\//i.test(url)) {
    throw new UnsupportedParameterError(`${path}.image_url.url`, 'Image URLs must be https or data URLs.');
  }
  return [{ type: 'image', source: { type: 'url', url } }];
}

function toolUseBlock(call: ChatCompletionMessageToolCall, path: string): AnthropicContentBlock {
  let input: unknown;
  try {
    input = call.function.arguments.trim() === '' ? {} : JSON.parse(call.function.arguments);
  } catch {
    input = undefined;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new UnsupportedParameterError(`${path}.function.arguments`, 'Tool call arguments must be a JSON object for this model.');
  }
  return { type: 'tool_use', id: call.id, name: call.function.name, input: input as Record<string, unknown> };
}
