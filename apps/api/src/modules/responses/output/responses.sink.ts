/** The output of POST /v1/responses: a Response object, or the Responses event stream. */
import type { FastifyReply } from 'fastify';
import type { DeliveredOutput } from '../../completions/billing/delivered-output';
import type { CompletionContext } from '../../completions/completion-context';
import type { CompletionSink } from '../../completions/pipeline/completion-sink';
import type { EventStreamWriter } from '../../completions/pipeline/event-stream-writer';
import type { CodecAnswer } from '../../completions/pipeline/upstream-codec';
import { SseWriter, type SseFrames } from '../../completions/streaming/sse-writer';
import type { ResponseObject, ResponseStreamEvent } from '../wire/responses.types';
import { ResponsesCodec } from './responses.codec';
import type { ResponseStreamState } from './response-stream-state';
import { responseUsage } from './response-usage';
import { ResponsesStreamWriter } from './responses-stream-writer';

// OpenAI ends a Responses stream after response.completed, with no [DONE].
const FRAMES: SseFrames = { keepAlive: ': keep-alive\n\n', done: '' };

export class ResponsesSink implements CompletionSink<ResponseObject, ResponseStreamEvent> {
  readonly codec: ResponsesCodec;

  constructor(
    private readonly state: ResponseStreamState,
    private readonly keepAliveMs: number,
  ) {
    this.codec = new ResponsesCodec(state);
  }

  recordAnswer(response: ResponseObject, delivered: DeliveredOutput): void {
    for (const item of response.output) {
      if (item.type === 'message') for (const part of item.content) delivered.addText(part.text);
      else delivered.addText(item.name + item.arguments);
    }
  }

  recordEvent(event: ResponseStreamEvent, delivered: DeliveredOutput): void {
    if (event.type === 'response.output_text.delta' || event.type === 'response.function_call_arguments.delta') {
      delivered.addText(event.delta as string);
    } else if (event.type === 'response.output_item.added') {
      const item = event.item as { type: string; name?: string };
      if (item.type === 'function_call' && item.name) delivered.addText(item.name);
    }
  }

  respond({ answer: response, usage }: CodecAnswer<ResponseObject>, context: CompletionContext, reply: FastifyReply): void {
    response.usage = responseUsage(usage, context);
    void reply.status(200).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(response));
  }

  openStream(context: CompletionContext, reply: FastifyReply): EventStreamWriter<ResponseStreamEvent> {
    return new ResponsesStreamWriter(new SseWriter(reply, this.keepAliveMs, FRAMES), this.state, context);
  }
}
