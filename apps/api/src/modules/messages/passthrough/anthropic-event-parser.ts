/**
 * An Anthropic upstream's event stream passed through event by event: the client gets the same
 * events (thinking and signature deltas, cache usage, pings), with its own model id in
 * message_start and the cost added to message_delta's usage. Usage is read for billing; an
 * `error` event is an in-band failure; a stream without message_stop was cut short.
 */
import { anthropicStreamError } from '../../completions/adapters/anthropic/anthropic.stream-error';
import {
  mergeDeltaUsage,
  readAnthropicUsage,
  toUpstreamUsage,
  type AnthropicUsageCounts,
} from '../../completions/adapters/anthropic/anthropic.usage';
import { UpstreamProtocolError } from '../../completions/adapters/errors/upstream-protocol.error';
import { isObject, parseEventJson } from '../../completions/adapters/shared/json';
import type { SseEvent } from '../../completions/adapters/shared/sse-decoder';
import { SseEventParser } from '../../completions/adapters/shared/sse-event-parser';
import type { UpstreamUsage } from '../../completions/adapters/upstream-adapter';
import type { CompletionContext } from '../../completions/completion-context';
import type { CodecEventParser } from '../../completions/pipeline/upstream-codec';
import { messageUsage } from '../output/message-usage';
import type { StreamEvent } from '../wire/anthropic-messages.types';

export class AnthropicEventParser extends SseEventParser<StreamEvent> implements CodecEventParser<StreamEvent> {
  private counts: AnthropicUsageCounts | null = null;
  private stopped = false;

  constructor(private readonly context: CompletionContext) {
    super();
  }

  get usage(): UpstreamUsage | null {
    return this.counts ? toUpstreamUsage(this.counts) : null;
  }

  protected readEvent(event: SseEvent, out: StreamEvent[]): void {
    out.push(this.onEvent(event));
  }

  protected assertComplete(): void {
    if (!this.stopped) throw new UpstreamProtocolError('Anthropic closed the stream before message_stop');
  }

  private onEvent(event: SseEvent): StreamEvent {
    const payload = parseEventJson(event.data, 'Anthropic');
    if (typeof payload.type !== 'string') throw new UpstreamProtocolError('Anthropic sent a stream event without a type');
    switch (payload.type) {
      case 'message_start': {
        const message = isObject(payload.message) ? payload.message : {};
        this.counts = readAnthropicUsage(message.usage);
        return { ...payload, type: 'message_start', message: { ...message, model: this.context.response.model } };
      }
      case 'message_delta': {
        if (!this.counts) throw new UpstreamProtocolError('Anthropic sent message_delta before message_start');
        const raw = isObject(payload.usage) ? payload.usage : {};
        this.counts = mergeDeltaUsage(this.counts, raw);
        const usage = messageUsage(toUpstreamUsage(this.counts), this.context);
        return { ...payload, type: 'message_delta', usage: { ...raw, ...usage } };
      }
      case 'message_stop':
        this.stopped = true;
        return payload as StreamEvent;
      case 'error':
        throw anthropicStreamError(payload.error);
      default:
        return payload as StreamEvent;
    }
  }
}
