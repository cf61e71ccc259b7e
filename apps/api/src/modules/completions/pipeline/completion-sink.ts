/**
 * The pluggable output of the completion pipeline (CompletionPipeline.run). The pipeline owns
 * admission, the billing hold, failover, the upstream exchange and settlement; a sink owns what
 * the client sees: which upstream codec produces its answers and events, how a JSON answer is
 * written, and an EventStreamWriter for streams (headers, keep-alive, in-band errors, the end).
 *
 * Implementations: ChatCompletionSink (OpenAI chat JSON and `data:` chunks with `[DONE]`) and the
 * Anthropic Messages sink in modules/messages. To add an inbound API, implement a sink whose codec
 * maps the request to each upstream protocol and whose writers render its wire format; call
 * `pipeline.run(sink, internalChatRequest, caller, requestId, reply)`. The internal chat request
 * drives admission (model, context length, hold) and the adapters when the codec translates.
 */
import type { FastifyReply } from 'fastify';
import type { DeliveredOutput } from '../billing/delivered-output';
import type { CompletionContext } from '../completion-context';
import type { EventStreamWriter } from './event-stream-writer';
import type { CodecAnswer, UpstreamCodec } from './upstream-codec';

export interface CompletionSink<TAnswer, TEvent> {
  readonly codec: UpstreamCodec<TAnswer, TEvent>;
  /** Records the output text of an answer or event that reaches the client (billing counts it when usage is missing). */
  recordAnswer(answer: TAnswer, delivered: DeliveredOutput): void;
  recordEvent(event: TEvent, delivered: DeliveredOutput): void;
  /** Writes a non-streamed answer (status 200); `context.outcome` holds usage and delivered output. */
  respond(answer: CodecAnswer<TAnswer>, context: CompletionContext, reply: FastifyReply): void;
  /** A writer for one streamed response; nothing is sent before its first write. */
  openStream(context: CompletionContext, reply: FastifyReply): EventStreamWriter<TEvent>;
}
