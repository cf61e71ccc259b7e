/** Maps a generateContent response onto an OpenAI chat completion, one choice per candidate. */
import type { ChatCompletionChoice, ChatCompletionMessage } from '@apilink/contracts';
import { UpstreamProtocolError } from '../errors/upstream-protocol.error';
import { isObject } from '../shared/json';
import { createCompletion } from '../shared/openai-objects';
import { newToolCallId } from '../shared/tool-call-id';
import type { ParsedCompletion, ResponseContext } from '../upstream-adapter';
import { mapGeminiFinishReason } from './gemini.finish-reason';
import { promptBlockReason, readCandidateParts } from './gemini.parts-reader';
import { readGeminiUsage } from './gemini.usage';

export function mapGeminiResponse(json: unknown, ctx: ResponseContext): ParsedCompletion {
  if (!isObject(json)) throw new UpstreamProtocolError('Gemini returned a body that is not a JSON object');
  const usage = readGeminiUsage(json.usageMetadata);
  const candidates = Array.isArray(json.candidates) ? json.candidates : [];
  let choices: ChatCompletionChoice[];
  if (candidates.length > 0) {
    choices = candidates.map((candidate, position) => mapCandidate(candidate, position, ctx));
  } else if (promptBlockReason(json)) {
    choices = [{ index: 0, message: { role: 'assistant', content: null }, finish_reason: 'content_filter' }];
  } else {
    throw new UpstreamProtocolError('Gemini returned neither candidates nor a prompt block reason');
  }
  return { completion: createCompletion(ctx, choices, usage?.completionUsage), usage };
}

function mapCandidate(candidate: unknown, position: number, ctx: ResponseContext): ChatCompletionChoice {
  const { text, toolCalls } = readCandidateParts(candidate, ctx.newToolCallId ?? newToolCallId);
  const raw = isObject(candidate) ? candidate : {};
  const message: ChatCompletionMessage = {
    role: 'assistant',
    // A blocked candidate has no content at all, which OpenAI expresses as null.
    content: text === '' && (toolCalls.length > 0 || !isObject(raw.content)) ? null : text,
  };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  const reason = typeof raw.finishReason === 'string' ? raw.finishReason : 'STOP';
  return {
    index: typeof raw.index === 'number' ? raw.index : position,
    message,
    finish_reason: mapGeminiFinishReason(reason, toolCalls.length > 0),
  };
}
