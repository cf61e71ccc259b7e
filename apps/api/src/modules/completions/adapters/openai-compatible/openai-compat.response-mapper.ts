/** Maps a non-streaming OpenAI-compatible response onto the gateway's ChatCompletion. */
import type { ChatCompletionChoice, ChatCompletionMessage, ChatCompletionMessageToolCall } from '@apilink/contracts';
import { UpstreamProtocolError } from '../errors/upstream-protocol.error';
import { asArray, asString, isObject, type JsonObject } from '../shared/json';
import { createCompletion } from '../shared/openai-objects';
import type { ParsedCompletion, ResponseContext } from '../upstream-adapter';
import { normalizeFinishReason } from './openai-compat.finish-reason';
import type { OpenAiCompatQuirks } from '../../../upstreams/providers/openai-compat.quirks';
import { normalizeOpenAiUsage } from './openai-compat.usage';
import { matchedStopOf } from './openai-compat.matched-stop';

export function mapOpenAiCompatResponse(json: unknown, ctx: ResponseContext, quirks: OpenAiCompatQuirks): ParsedCompletion {
  if (!isObject(json) || !Array.isArray(json.choices)) {
    throw new UpstreamProtocolError('OpenAI-compatible upstream returned a body without a choices array');
  }
  const choices = json.choices.map((choice, position) => mapChoice(choice, position));
  const usage = normalizeOpenAiUsage(json.usage, quirks);
  return { completion: createCompletion(ctx, choices, usage?.completionUsage), usage };
}

function mapChoice(raw: unknown, position: number): ChatCompletionChoice {
  if (!isObject(raw) || !isObject(raw.message)) {
    throw new UpstreamProtocolError(`OpenAI-compatible upstream returned choice ${position} without a message`);
  }
  const choice: ChatCompletionChoice = {
    index: typeof raw.index === 'number' ? raw.index : position,
    message: mapMessage(raw.message),
    finish_reason: normalizeFinishReason(raw.finish_reason),
  };
  if (raw.logprobs !== undefined) choice.logprobs = raw.logprobs;
  const matchedStop = matchedStopOf(raw, choice.finish_reason);
  if (matchedStop) choice.matched_stop = matchedStop;
  return choice;
}

function mapMessage(raw: JsonObject): ChatCompletionMessage {
  const message: ChatCompletionMessage = { role: 'assistant', content: asString(raw.content) ?? null };
  if (raw.refusal !== undefined) message.refusal = asString(raw.refusal) ?? null;
  const toolCalls = asArray(raw.tool_calls).map(mapToolCall);
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (typeof raw.reasoning_content === 'string') message.reasoning_content = raw.reasoning_content;
  return message;
}

function mapToolCall(raw: unknown): ChatCompletionMessageToolCall {
  const fn = isObject(raw) && isObject(raw.function) ? raw.function : undefined;
  if (!isObject(raw) || !fn || typeof fn.name !== 'string') {
    throw new UpstreamProtocolError('OpenAI-compatible upstream returned a tool call without a function name');
  }
  return {
    id: asString(raw.id) ?? '',
    type: 'function',
    function: { name: fn.name, arguments: asString(fn.arguments) ?? '' },
  };
}
