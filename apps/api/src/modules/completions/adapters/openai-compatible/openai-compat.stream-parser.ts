/** Re-stamps an OpenAI-compatible SSE stream as the gateway's own chunks and captures its usage. */
import type { ChatCompletionChunk, ChatCompletionChunkChoice, ChatCompletionChunkDelta } from '@apilink/contracts';
import { UpstreamProtocolError } from '../errors/upstream-protocol.error';
import { UpstreamStreamError } from '../errors/upstream-stream.error';
import { asString, isObject, parseEventJson, type JsonObject } from '../shared/json';
import { createChunk } from '../shared/openai-objects';
import type { SseEvent } from '../shared/sse-decoder';
import { SseStreamParser } from '../shared/sse-stream-parser';
import type { ResponseContext, UpstreamUsage } from '../upstream-adapter';
import { normalizeFinishReason } from './openai-compat.finish-reason';
import type { OpenAiCompatQuirks } from '../../../upstreams/providers/openai-compat.quirks';
import { chunkUsage, normalizeOpenAiUsage } from './openai-compat.usage';
import { matchedStopOf } from './openai-compat.matched-stop';

const DELTA_FIELDS = ['content', 'refusal', 'tool_calls', 'reasoning_content'] as const;

export class OpenAiCompatStreamParser extends SseStreamParser {
  usage: UpstreamUsage | null = null;
  private done = false;
  private finished = false;
  private readonly startedChoices = new Set<number>();

  constructor(
    private readonly ctx: ResponseContext,
    private readonly quirks: OpenAiCompatQuirks,
  ) {
    super();
  }

  protected onEvent(event: SseEvent): ChatCompletionChunk[] {
    if (event.data.trim() === '[DONE]') {
      this.done = true;
      return [];
    }
    const payload = parseEventJson(event.data, 'OpenAI-compatible upstream');
    if (payload.error !== undefined) throw inBandError(payload.error);
    const usage = normalizeOpenAiUsage(chunkUsage(payload), this.quirks);
    if (usage) this.usage = usage;
    if (!Array.isArray(payload.choices) || payload.choices.length === 0) return [];
    return [
      createChunk(
        this.ctx,
        payload.choices.map((choice) => this.mapChoice(choice)),
      ),
    ];
  }

  protected assertComplete(): void {
    if (!this.done && !this.finished) {
      throw new UpstreamProtocolError('OpenAI-compatible upstream closed the stream before finishing the completion');
    }
  }

  private mapChoice(raw: unknown): ChatCompletionChunkChoice {
    if (!isObject(raw) || typeof raw.index !== 'number') {
      throw new UpstreamProtocolError('OpenAI-compatible upstream sent a chunk choice without an index');
    }
    const delta: ChatCompletionChunkDelta = {};
    // Some providers omit the role: clients expect it on the first delta of every choice.
    if (!this.startedChoices.has(raw.index)) {
      this.startedChoices.add(raw.index);
      delta.role = 'assistant';
    }
    const upstreamDelta: JsonObject = isObject(raw.delta) ? raw.delta : {};
    for (const field of DELTA_FIELDS) {
      if (upstreamDelta[field] !== undefined) (delta as Record<string, unknown>)[field] = upstreamDelta[field];
    }
    const finishReason = normalizeFinishReason(raw.finish_reason);
    if (finishReason) this.finished = true;
    const choice: ChatCompletionChunkChoice = { index: raw.index, delta, finish_reason: finishReason };
    if (raw.logprobs !== undefined) choice.logprobs = raw.logprobs;
    const matchedStop = matchedStopOf(raw, finishReason);
    if (matchedStop) choice.matched_stop = matchedStop;
    return choice;
  }
}

function inBandError(error: unknown): UpstreamStreamError {
  const body = isObject(error) ? error : {};
  const message = asString(body.message) ?? (typeof error === 'string' ? error : 'Upstream reported an error mid-stream');
  const type = asString(body.type);
  const code = asString(body.code);
  const retryable = ['server_error', 'rate_limit_exceeded', 'overloaded'].some((kind) => kind === type || kind === code);
  return new UpstreamStreamError(message, type, retryable);
}
