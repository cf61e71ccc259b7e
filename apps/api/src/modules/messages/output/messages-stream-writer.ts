/** Anthropic's event stream: `event:` frames, `event: ping` while the upstream is silent, `event: error` in-band. */
import { renderAnthropicError } from '../../../common/errors/anthropic-error-envelope.mapper';
import type { CompletionContext } from '../../completions/completion-context';
import type { EventStreamWriter } from '../../completions/pipeline/event-stream-writer';
import type { SseWriter } from '../../completions/streaming/sse-writer';
import type { StreamEvent } from '../wire/anthropic-messages.types';
import { anthropicEventFrame } from './anthropic-event-frame';

export class MessagesStreamWriter implements EventStreamWriter<StreamEvent> {
  constructor(
    private readonly sse: SseWriter,
    private readonly context: CompletionContext,
  ) {}

  get headersSent(): boolean {
    return this.sse.headersSent;
  }

  startKeepAlive(): void {
    this.sse.startKeepAlive();
  }

  write(event: StreamEvent): Promise<void> | void {
    return this.sse.writeFrame(anthropicEventFrame(event));
  }

  /** message_stop, the last event, was already written: the stream just ends. */
  end(): void {
    this.sse.end();
  }

  fail(error: unknown): void {
    const { body } = renderAnthropicError(error, this.context.requestId);
    this.sse.failWithFrame(anthropicEventFrame({ ...body }));
  }

  dispose(): void {
    this.sse.dispose();
  }
}
