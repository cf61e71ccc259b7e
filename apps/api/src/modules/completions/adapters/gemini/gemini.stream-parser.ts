/**
 * Turns Gemini's `alt=sse` stream (each event a full GenerateContentResponse holding only new
 * parts) into OpenAI chunks. Gemini sends each function call whole, so a tool call becomes one
 * delta with id, name and complete arguments. Usage is cumulative; the last report wins.
 */
import type { ChatCompletionChunk, ChatCompletionChunkChoice, ChatCompletionChunkDelta } from '@apilink/contracts';
import { UpstreamProtocolError } from '../errors/upstream-protocol.error';
import { UpstreamStreamError } from '../errors/upstream-stream.error';
import { asString, isObject, parseEventJson } from '../shared/json';
import { createChunk } from '../shared/openai-objects';
import type { SseEvent } from '../shared/sse-decoder';
import { SseStreamParser } from '../shared/sse-stream-parser';
import { newToolCallId } from '../shared/tool-call-id';
import type { ResponseContext, UpstreamUsage } from '../upstream-adapter';
import { mapGeminiFinishReason } from './gemini.finish-reason';
import { promptBlockReason, readCandidateParts } from './gemini.parts-reader';
import { readGeminiUsage } from './gemini.usage';

interface CandidateState {
  toolCalls: number;
  finished: boolean;
}

export class GeminiStreamParser extends SseStreamParser {
  usage: UpstreamUsage | null = null;
  private readonly candidates = new Map<number, CandidateState>();

  constructor(private readonly ctx: ResponseContext) {
    super();
  }

  protected onEvent(event: SseEvent): ChatCompletionChunk[] {
    const payload = parseEventJson(event.data, 'Gemini');
    if (payload.error !== undefined) throw streamError(payload.error);
    this.usage = readGeminiUsage(payload.usageMetadata) ?? this.usage;
    const candidates = Array.isArray(payload.candidates) ? payload.candidates : [];
    if (candidates.length === 0 && promptBlockReason(payload)) {
      return [this.choiceChunk(0, {}, 'content_filter')];
    }
    return candidates.flatMap((candidate, position) => this.onCandidate(candidate, position));
  }

  protected assertComplete(): void {
    const states = [...this.candidates.values()];
    if (states.length === 0 || states.some((state) => !state.finished)) {
      throw new UpstreamProtocolError('Gemini closed the stream before a finishReason');
    }
  }

  private onCandidate(candidate: unknown, position: number): ChatCompletionChunk[] {
    const raw = isObject(candidate) ? candidate : {};
    const index = typeof raw.index === 'number' ? raw.index : position;
    const { text, toolCalls } = readCandidateParts(raw, this.ctx.newToolCallId ?? newToolCallId);
    const state = this.candidates.get(index);
    const delta: ChatCompletionChunkDelta = {};
    if (text) delta.content = text;
    if (toolCalls.length > 0) {
      const first = state?.toolCalls ?? 0;
      delta.tool_calls = toolCalls.map((call, k) => ({ index: first + k, ...call }));
    }
    const chunks: ChatCompletionChunk[] = [];
    if (Object.keys(delta).length > 0 || !state) chunks.push(this.choiceChunk(index, delta, null));
    const current = this.candidates.get(index) as CandidateState;
    current.toolCalls += toolCalls.length;
    if (typeof raw.finishReason === 'string') {
      chunks.push(this.choiceChunk(index, {}, mapGeminiFinishReason(raw.finishReason, current.toolCalls > 0)));
    }
    return chunks;
  }

  /** Builds a one-choice chunk, adding the role on a candidate's first delta and tracking finishes. */
  private choiceChunk(
    index: number,
    delta: ChatCompletionChunkDelta,
    finishReason: ChatCompletionChunkChoice['finish_reason'],
  ): ChatCompletionChunk {
    let state = this.candidates.get(index);
    if (!state) {
      state = { toolCalls: 0, finished: false };
      this.candidates.set(index, state);
      delta = { role: 'assistant', ...delta };
    }
    if (finishReason) state.finished = true;
    return createChunk(this.ctx, [{ index, delta, finish_reason: finishReason }]);
  }
}

function streamError(error: unknown): UpstreamStreamError {
  const body = isObject(error) ? error : {};
  const status = asString(body.status);
  const message = asString(body.message) ?? 'Gemini reported an error mid-stream';
  return new UpstreamStreamError(message, status, status === 'UNAVAILABLE' || status === 'RESOURCE_EXHAUSTED' || status === 'INTERNAL');
}
