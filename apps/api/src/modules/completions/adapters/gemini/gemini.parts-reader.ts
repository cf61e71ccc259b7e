/** Reads the visible text and function calls out of one Gemini candidate's parts. */
import type { ChatCompletionMessageToolCall } from '@apilink/contracts';
import { UpstreamProtocolError } from '../errors/upstream-protocol.error';
import { asArray, asString, isObject } from '../shared/json';
import { encodeGeminiToolCallId } from './gemini.tool-call-id';

export interface CandidateOutput {
  text: string;
  toolCalls: ChatCompletionMessageToolCall[];
}

export function readCandidateParts(candidate: unknown, newToolCallId: () => string): CandidateOutput {
  const content = isObject(candidate) && isObject(candidate.content) ? candidate.content : {};
  let text = '';
  const toolCalls: ChatCompletionMessageToolCall[] = [];
  for (const part of asArray(content.parts)) {
    // Thought summaries only appear when asked for, and never belong in the answer.
    if (!isObject(part) || part.thought === true) continue;
    if (typeof part.text === 'string') text += part.text;
    if (isObject(part.functionCall)) {
      const name = asString(part.functionCall.name);
      if (!name) throw new UpstreamProtocolError('Gemini returned a functionCall without a name');
      toolCalls.push({
        id: encodeGeminiToolCallId(newToolCallId(), asString(part.thoughtSignature)),
        type: 'function',
        function: { name, arguments: JSON.stringify(part.functionCall.args ?? {}) },
      });
    }
  }
  return { text, toolCalls };
}

/** Gemini blocks a whole prompt by returning no candidates and a promptFeedback.blockReason. */
export function promptBlockReason(response: Record<string, unknown>): string | undefined {
  return isObject(response.promptFeedback) ? asString(response.promptFeedback.blockReason) : undefined;
}
