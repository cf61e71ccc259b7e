/**
 * Token counts with a real BPE tokenizer (OpenAI's o200k_base). Exact for OpenAI models and a close
 * estimate for the others; used for the context-length check, the billing hold, and for usage when
 * an upstream reports none. Counting is bounded in time (see BoundedTokenCount): past the budget
 * the rest is estimated, and the result says so.
 */
import type { ChatCompletionMessageParam, ChatCompletionRequest } from '@apilink/contracts';
import { BoundedTokenCount, type TokenCount } from './bounded-token-count';

// OpenAI's chat framing: every message costs a few tokens, and the reply is primed with three.
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_NAME = 1;
const REPLY_PRIMING = 3;
// A high-detail 1024×1024 image; smaller or low-detail images cost less, so holds stay on the safe side.
const TOKENS_PER_IMAGE = 765;

/** Tokens of one text: exact, or past the time budget the best estimate. */
export function countTextTokens(text: string): number {
  return new BoundedTokenCount().addText(text).tokens;
}

function addContent(count: BoundedTokenCount, content: ChatCompletionMessageParam['content']): void {
  if (typeof content === 'string') {
    count.addText(content);
    return;
  }
  if (!Array.isArray(content)) return;
  for (const part of content) {
    if (part.type === 'text') count.addText(part.text);
    else if (part.type === 'image_url') count.addTokens(TOKENS_PER_IMAGE);
  }
}

/** Input tokens of a request: messages, tool calls and results, and the tool definitions. */
export function countPromptTokens(
  request: Pick<ChatCompletionRequest, 'messages' | 'tools' | 'response_format'>,
  count = new BoundedTokenCount(),
): TokenCount {
  count.addTokens(REPLY_PRIMING);
  for (const message of request.messages) {
    count.addTokens(TOKENS_PER_MESSAGE);
    addContent(count, message.content);
    if ('name' in message && message.name) count.addTokens(TOKENS_PER_NAME);
    if (message.role === 'assistant' && message.tool_calls) {
      for (const call of message.tool_calls) {
        count.addText(call.function.name);
        count.addText(call.function.arguments);
      }
    }
  }
  if (request.tools?.length) count.addText(JSON.stringify(request.tools));
  if (request.response_format?.type === 'json_schema') count.addText(JSON.stringify(request.response_format.json_schema));
  return count.result;
}
