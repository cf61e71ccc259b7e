/**
 * Turns an OpenAI-compatible or Gemini upstream's stream, parsed into chat chunks by its adapter,
 * into Anthropic's event sequence as it arrives: message_start with the first chunk, one content
 * block per run of text, reasoning (thinking) or tool call, each opened, filled with deltas and
 * closed; at the end message_delta with the stop reason and usage (with cost), then message_stop.
 */
import type { ChatCompletionChunk } from '@apilink/contracts';
import type { UpstreamStreamParser, UpstreamUsage } from '../../completions/adapters/upstream-adapter';
import type { CompletionContext } from '../../completions/completion-context';
import type { CodecEventParser } from '../../completions/pipeline/upstream-codec';
import { messageUsage } from '../output/message-usage';
import type { StreamEvent } from '../wire/anthropic-messages.types';
import { messageIdOf } from './message-id';
import { stopReasonOf } from './stop-reason';
import { stopSequencesOf } from './stop-sequences';

type OpenBlock = { kind: 'text' } | { kind: 'thinking' } | { kind: 'tool'; toolIndex: number };

export class ChunkEventTranslator implements CodecEventParser<StreamEvent> {
  private started = false;
  private block: OpenBlock | null = null;
  private blockIndex = -1;
  private finishReason: string | null = null;
  private matchedStop: string | undefined;

  constructor(
    private readonly chunks: UpstreamStreamParser,
    private readonly context: CompletionContext,
  ) {}

  get usage(): UpstreamUsage | null {
    return this.chunks.usage;
  }

  push(text: string): StreamEvent[] {
    return this.translate(this.chunks.push(text));
  }

  end(): StreamEvent[] {
    const events = this.translate(this.chunks.end());
    if (!this.started) events.push(this.messageStart());
    this.closeBlock(events);
    // Usage reported at the end (OpenAI's usage chunk) is known only now; the pipeline bills the same.
    const usage = messageUsage(this.chunks.usage, this.context);
    const delta = stopReasonOf(this.finishReason, this.matchedStop, stopSequencesOf(this.context));
    events.push({ type: 'message_delta', delta, usage });
    events.push({ type: 'message_stop' });
    return events;
  }

  private translate(chunks: ChatCompletionChunk[]): StreamEvent[] {
    const events: StreamEvent[] = [];
    for (const chunk of chunks) {
      if (!this.started) {
        this.started = true;
        events.push(this.messageStart());
      }
      const choice = chunk.choices[0];
      if (!choice) continue;
      const { delta } = choice;
      if (delta.reasoning_content) {
        this.openBlock(events, { kind: 'thinking' }, { type: 'thinking', thinking: '', signature: '' });
        events.push(this.delta({ type: 'thinking_delta', thinking: delta.reasoning_content }));
      }
      if (delta.content) {
        this.openBlock(events, { kind: 'text' }, { type: 'text', text: '' });
        events.push(this.delta({ type: 'text_delta', text: delta.content }));
      }
      for (const call of delta.tool_calls ?? []) {
        // Some OpenAI-compatible providers repeat the id on every delta of a call: the index says which call it is.
        if (!this.isTool(call.index)) {
          const block = { type: 'tool_use', id: call.id ?? `toolu_${call.index}`, name: call.function?.name ?? '', input: {} };
          this.openBlock(events, { kind: 'tool', toolIndex: call.index }, block, true);
        }
        if (call.function?.arguments) events.push(this.delta({ type: 'input_json_delta', partial_json: call.function.arguments }));
      }
      if (choice.finish_reason) {
        this.finishReason = choice.finish_reason;
        this.matchedStop = choice.matched_stop;
      }
    }
    return events;
  }

  private isTool(toolIndex: number): boolean {
    return this.block?.kind === 'tool' && this.block.toolIndex === toolIndex;
  }

  /** Continues the open block when it is of the same kind; otherwise closes it and starts the next one. */
  private openBlock(events: StreamEvent[], next: OpenBlock, contentBlock: Record<string, unknown>, always = false): void {
    if (!always && this.block?.kind === next.kind) return;
    this.closeBlock(events);
    this.block = next;
    this.blockIndex++;
    events.push({ type: 'content_block_start', index: this.blockIndex, content_block: contentBlock });
  }

  private closeBlock(events: StreamEvent[]): void {
    if (!this.block) return;
    events.push({ type: 'content_block_stop', index: this.blockIndex });
    this.block = null;
  }

  private delta(delta: Record<string, unknown>): StreamEvent {
    return { type: 'content_block_delta', index: this.blockIndex, delta };
  }

  private messageStart(): StreamEvent {
    const { context } = this;
    return {
      type: 'message_start',
      message: {
        id: messageIdOf(context),
        type: 'message',
        role: 'assistant',
        content: [],
        model: context.response.model,
        stop_reason: null,
        stop_sequence: null,
        // The upstream reports input tokens only at the end; until then the gateway's own count.
        usage: {
          input_tokens: context.admitted.promptTokens,
          output_tokens: 0,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
        },
      },
    };
  }
}
