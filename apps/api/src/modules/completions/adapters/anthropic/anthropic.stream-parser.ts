/**
 * Turns Anthropic's typed SSE events into OpenAI chunks as they arrive: message_start opens the
 * assistant turn, text and tool_use blocks become content and tool-call deltas (a tool call's
 * first delta carries index, id and name, later ones argument pieces), message_delta carries the
 * stop reason and final usage, message_stop ends the stream, `error` is an in-band failure.
 */
import type { ChatCompletionChunk, ChatCompletionChunkDelta } from '@apilink/contracts';
import { UpstreamProtocolError } from '../errors/upstream-protocol.error';
import { asString, isObject, parseEventJson, type JsonObject } from '../shared/json';
import { createChunk } from '../shared/openai-objects';
import type { SseEvent } from '../shared/sse-decoder';
import { SseStreamParser } from '../shared/sse-stream-parser';
import type { ResponseContext, UpstreamUsage } from '../upstream-adapter';
import { mapAnthropicStopReason } from './anthropic.finish-reason';
import { anthropicStreamError } from './anthropic.stream-error';
import { mergeDeltaUsage, readAnthropicUsage, toUpstreamUsage, type AnthropicUsageCounts } from './anthropic.usage';

export class AnthropicStreamParser extends SseStreamParser {
  private counts: AnthropicUsageCounts | null = null;
  private started = false;
  private stopped = false;
  /** Content block index → OpenAI tool-call index (which counts tool calls only). */
  private readonly toolIndexByBlock = new Map<number, number>();

  constructor(private readonly ctx: ResponseContext) {
    super();
  }

  get usage(): UpstreamUsage | null {
    return this.counts ? toUpstreamUsage(this.counts) : null;
  }

  protected onEvent(event: SseEvent): ChatCompletionChunk[] {
    const payload = parseEventJson(event.data, 'Anthropic');
    switch (payload.type) {
      case 'message_start':
        return this.onMessageStart(payload);
      case 'content_block_start':
        return this.onBlockStart(payload);
      case 'content_block_delta':
        return this.onBlockDelta(payload);
      case 'message_delta':
        return this.onMessageDelta(payload);
      case 'message_stop':
        this.stopped = true;
        return [];
      case 'error':
        throw anthropicStreamError(payload.error);
      default:
        // ping, content_block_stop and event types Anthropic may add later carry nothing for OpenAI.
        return [];
    }
  }

  protected assertComplete(): void {
    if (!this.stopped) throw new UpstreamProtocolError('Anthropic closed the stream before message_stop');
  }

  private onMessageStart(payload: JsonObject): ChatCompletionChunk[] {
    const message = isObject(payload.message) ? payload.message : {};
    this.counts = readAnthropicUsage(message.usage);
    this.started = true;
    return [this.chunk({ role: 'assistant', content: '' })];
  }

  private onBlockStart(payload: JsonObject): ChatCompletionChunk[] {
    this.assertStarted();
    const block = isObject(payload.content_block) ? payload.content_block : {};
    if (block.type === 'text' && typeof block.text === 'string' && block.text !== '') {
      return [this.chunk({ content: block.text })];
    }
    if (block.type !== 'tool_use') return [];
    if (typeof payload.index !== 'number' || typeof block.id !== 'string' || typeof block.name !== 'string') {
      throw new UpstreamProtocolError('Anthropic started a tool_use block without index, id or name');
    }
    const index = this.toolIndexByBlock.size;
    this.toolIndexByBlock.set(payload.index, index);
    return [this.chunk({ tool_calls: [{ index, id: block.id, type: 'function', function: { name: block.name, arguments: '' } }] })];
  }

  private onBlockDelta(payload: JsonObject): ChatCompletionChunk[] {
    this.assertStarted();
    const delta = isObject(payload.delta) ? payload.delta : {};
    if (delta.type === 'text_delta' && typeof delta.text === 'string') return [this.chunk({ content: delta.text })];
    if (delta.type !== 'input_json_delta') return [];
    const index = typeof payload.index === 'number' ? this.toolIndexByBlock.get(payload.index) : undefined;
    if (index === undefined) throw new UpstreamProtocolError('Anthropic sent tool input for a block it never started');
    const piece = asString(delta.partial_json) ?? '';
    // Anthropic opens every tool input with an empty piece; it adds nothing for clients.
    return piece === '' ? [] : [this.chunk({ tool_calls: [{ index, function: { arguments: piece } }] })];
  }

  private onMessageDelta(payload: JsonObject): ChatCompletionChunk[] {
    this.assertStarted();
    this.counts = mergeDeltaUsage(this.counts as AnthropicUsageCounts, isObject(payload.usage) ? payload.usage : {});
    const delta = isObject(payload.delta) ? payload.delta : {};
    if (delta.stop_reason == null) return [];
    return [createChunk(this.ctx, [{ index: 0, delta: {}, finish_reason: mapAnthropicStopReason(delta.stop_reason) }])];
  }

  private assertStarted(): void {
    if (!this.started) throw new UpstreamProtocolError('Anthropic sent content before message_start');
  }

  private chunk(delta: ChatCompletionChunkDelta): ChatCompletionChunk {
    return createChunk(this.ctx, [{ index: 0, delta, finish_reason: null }]);
  }
}
