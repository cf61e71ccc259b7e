/**
 * What the built-in `apilink/echo` demo model answers: the last user message back ("Echo: ..."),
 * a call of the forced tool when tool_choice forces one, or an acknowledgement of tool results.
 * Deterministic, so a newcomer's first curl and the tests know what to expect.
 */
import { decode, encode } from '../admission/o200k-tokenizer';
import type { ChatCompletionMessageParam, ChatCompletionRequest } from '@apilink/contracts';
import { countPromptTokens, countTextTokens } from '../admission/token-counter';
import { tokenizerPieces } from '../admission/tokenizer-pieces';

export interface EchoReply {
  text: string;
  toolCall: { name: string; arguments: string } | null;
  finishReason: 'stop' | 'length' | 'tool_calls';
  promptTokens: number;
  completionTokens: number;
}

const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

function textOf(message: ChatCompletionMessageParam | undefined): string {
  if (!message || message.content === null || message.content === undefined) return '';
  if (typeof message.content === 'string') return message.content;
  return message.content
    .map((part) => (part.type === 'text' ? part.text : part.type === 'image_url' ? '[image]' : ''))
    .filter(Boolean)
    .join(' ');
}

function forcedTool(request: ChatCompletionRequest): string | null {
  const choice = request.tool_choice;
  if (!request.tools?.length || !choice || choice === 'none' || choice === 'auto') return null;
  return choice === 'required' ? request.tools[0].function.name : choice.function.name;
}

/** The first `maxTokens` tokens of the text, encoded piece by piece so a long run cannot stall the loop. */
function truncate(text: string, maxTokens: number | null | undefined): { text: string; truncated: boolean } {
  if (!maxTokens) return { text, truncated: false };
  const tokens: number[] = [];
  for (const piece of tokenizerPieces(text)) {
    tokens.push(...encode(piece.text, PLAIN_TEXT));
    if (tokens.length > maxTokens) return { text: decode(tokens.slice(0, maxTokens)), truncated: true };
  }
  return { text, truncated: false };
}

export function planEchoReply(request: ChatCompletionRequest): EchoReply {
  const promptTokens = countPromptTokens(request).tokens;
  const tool = forcedTool(request);
  const last = request.messages[request.messages.length - 1];
  if (tool && last?.role !== 'tool') {
    const args = JSON.stringify({ text: textOf([...request.messages].reverse().find((m) => m.role === 'user')) });
    return {
      text: '',
      toolCall: { name: tool, arguments: args },
      finishReason: 'tool_calls',
      promptTokens,
      completionTokens: countTextTokens(tool) + countTextTokens(args),
    };
  }
  const full = last?.role === 'tool' ? `Tool result received: ${textOf(last)}` : `Echo: ${textOf(last)}`;
  const { text, truncated } = truncate(full, request.max_completion_tokens ?? request.max_tokens);
  return { text, toolCall: null, finishReason: truncated ? 'length' : 'stop', promptTokens, completionTokens: countTextTokens(text) };
}
