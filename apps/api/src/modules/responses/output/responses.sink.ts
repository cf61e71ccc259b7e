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
const DELTA_EVENTS = new Set([
  'response.output_text.delta',
  'response.function_call_arguments.delta',
  'response.refusal.delta',
  'response.reasoning_summary_text.delta',
  'response.reasoning_text.delta',
]);

export class ResponsesSink implements CompletionSink<ResponseObject, ResponseStreamEvent> {
  readonly codec: ResponsesCodec;

  constructor(
    private readonly state: ResponseStreamState,
    private readonly keepAliveMs: number,
  ) {
    this.codec = new ResponsesCodec(state);
  }

  recordAnswer(response: ResponseObject, delivered: DeliveredOutput): void {
    // A passed-through Response may hold items the translation never makes (reasoning, refusals).
    for (const item of response.output as { type: string; content?: { text?: string }[]; name?: string; arguments?: string }[]) {
      if (item.type === 'message') for (const part of item.content ?? []) delivered.addText(part.text ?? '');
      else if (item.type === 'function_call') delivered.addText((item.name ?? '') + (item.arguments ?? ''));
    }
  }

  recordEvent(event: ResponseStreamEvent, delivered: DeliveredOutput): void {
    if (DELTA_EVENTS.has(event.type) && typeof event.delta === 'string') {
      delivered.addText(event.delta);
    } else if (event.type === 'response.output_item.added') {
      const item = event.item as { type: string; name?: string };
      if (item.type === 'function_call' && item.name) delivered.addText(item.name);
    }
  }

  respond({ answer: response, usage }: CodecAnswer<ResponseObject>, context: CompletionContext, reply: FastifyReply): void {
    // The counts are the bill's; fields an upstream adds to its own usage stay.
    response.usage = { ...response.usage, ...responseUsage(usage, context) };
    void reply.status(200).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(response));
  }

  openStream(context: CompletionContext, reply: FastifyReply): EventStreamWriter<ResponseStreamEvent> {
    return new ResponsesStreamWriter(new SseWriter(reply, this.keepAliveMs, FRAMES), this.state, context);
  }
}
