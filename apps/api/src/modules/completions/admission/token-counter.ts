/**
 * Token counts with a real BPE tokenizer (OpenAI's o200k_base). Exact for OpenAI models and a close
 * estimate for the others; used for the context-length check, the billing hold, and for usage when
 * an upstream reports none. Special-token text in customer input is counted as plain text.
 */
import { countTokens } from 'gpt-tokenizer';
import type { ChatCompletionMessageParam, ChatCompletionRequest } from '@apilink/contracts';

const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };
// OpenAI's chat framing: every message costs a few tokens, and the reply is primed with three.
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_NAME = 1;
const REPLY_PRIMING = 3;
// A high-detail 1024×1024 image; smaller or low-detail images cost less, so holds stay on the safe side.
const TOKENS_PER_IMAGE = 765;

export function countTextTokens(text: string): number {
  return text.length === 0 ? 0 : countTokens(text, PLAIN_TEXT);
}

function contentTokens(content: ChatCompletionMessageParam['content']): number {
  if (typeof content === 'string') return countTextTokens(content);
  if (!Array.isArray(content)) return 0;
  let total = 0;
  for (const part of content) {
    total += part.type === 'text' ? countTextTokens(part.text) : part.type === 'image_url' ? TOKENS_PER_IMAGE : 0;
  }
  return total;
}

/** Input tokens of a request: messages, tool calls and results, and the tool definitions. */
export function countPromptTokens(request: Pick<ChatCompletionRequest, 'messages' | 'tools' | 'response_format'>): number {
  let total = REPLY_PRIMING;
  for (const message of request.messages) {
    total += TOKENS_PER_MESSAGE + contentTokens(message.content);
    if ('name' in message && message.name) total += TOKENS_PER_NAME;
    if (message.role === 'assistant' && message.tool_calls) {
      for (const call of message.tool_calls) total += countTextTokens(call.function.name) + countTextTokens(call.function.arguments);
    }
  }
  if (request.tools?.length) total += countTextTokens(JSON.stringify(request.tools));
  if (request.response_format?.type === 'json_schema') total += countTextTokens(JSON.stringify(request.response_format.json_schema));
  return total;
}
