/** The output of POST /v1/messages: an Anthropic message, or Anthropic's event stream. */
import type { FastifyReply } from 'fastify';
import type { DeliveredOutput } from '../../completions/billing/delivered-output';
import type { CompletionContext } from '../../completions/completion-context';
import type { CompletionSink } from '../../completions/pipeline/completion-sink';
import type { EventStreamWriter } from '../../completions/pipeline/event-stream-writer';
import type { CodecAnswer } from '../../completions/pipeline/upstream-codec';
import { SseWriter, type SseFrames } from '../../completions/streaming/sse-writer';
import type { MessageObject, MessagesRequest, StreamEvent } from '../wire/anthropic-messages.types';
import { anthropicEventFrame } from './anthropic-event-frame';
import { MessagesCodec } from './messages.codec';
import { messageUsage } from './message-usage';
import { MessagesStreamWriter } from './messages-stream-writer';

const FRAMES: SseFrames = { keepAlive: anthropicEventFrame({ type: 'ping' }), done: '' };

export class MessagesSink implements CompletionSink<MessageObject, StreamEvent> {
  readonly codec: MessagesCodec;

  constructor(
    request: MessagesRequest,
    betas: string | null,
    private readonly keepAliveMs: number,
  ) {
    this.codec = new MessagesCodec(request, betas);
  }

  recordAnswer(message: MessageObject, delivered: DeliveredOutput): void {
    for (const block of message.content) {
      if (block.type === 'text') delivered.addText(block.text);
      else if (block.type === 'thinking') delivered.addText(block.thinking);
      else if (block.type === 'tool_use') delivered.addText(block.name + JSON.stringify(block.input));
    }
  }

  recordEvent(event: StreamEvent, delivered: DeliveredOutput): void {
    if (event.type === 'content_block_delta') {
      const delta = event.delta as Record<string, unknown>;
      const text = delta.text ?? delta.thinking ?? delta.partial_json;
      if (typeof text === 'string' && text) delivered.addText(text);
    } else if (event.type === 'content_block_start') {
      const block = event.content_block as Record<string, unknown>;
      if (block.type === 'tool_use' && typeof block.name === 'string') delivered.addText(block.name);
    }
  }

  respond({ answer: message }: CodecAnswer<MessageObject>, context: CompletionContext, reply: FastifyReply): void {
    if (!message.usage) message.usage = messageUsage(null, context);
    void reply.status(200).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(message));
  }

  openStream(context: CompletionContext, reply: FastifyReply): EventStreamWriter<StreamEvent> {
    return new MessagesStreamWriter(new SseWriter(reply, this.keepAliveMs, FRAMES), context);
  }
}
