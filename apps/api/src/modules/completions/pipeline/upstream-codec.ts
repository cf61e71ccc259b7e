/**
 * The upstream side of the completion pipeline, chosen per inbound API: how one request is sent to
 * one upstream and how that upstream's answer is read, as the answer and event types its
 * CompletionSink writes. Chat uses the upstream's protocol adapter as is (AdapterCodec, OpenAI
 * completions and chunks); another inbound API may pass its own wire format through to an upstream
 * of the same protocol, and translate through the adapters for the others.
 */
import type { BuildRequestContext, UpstreamHttpRequest, UpstreamUsage } from '../adapters/upstream-adapter';
import type { CompletionContext } from '../completion-context';
import type { ResolvedUpstream } from '../routing/upstream-resolver';

/** A non-streamed answer, as the sink renders it, and the usage billing needs. */
export interface CodecAnswer<TAnswer> {
  answer: TAnswer;
  /** Null when the upstream reported none; the pipeline counts the delivered output then. */
  usage: UpstreamUsage | null;
}

/**
 * Stateful reader of one upstream stream: fed text exactly as it arrives, it returns the events
 * that text completed. Same contract as UpstreamStreamParser (errors, truncation, usage).
 */
export interface CodecEventParser<TEvent> {
  push(text: string): TEvent[];
  end(): TEvent[];
  readonly usage: UpstreamUsage | null;
}

export interface UpstreamCodec<TAnswer, TEvent> {
  /** @throws UnsupportedParameterError (a 400 naming the parameter) when the upstream cannot honour it. */
  buildRequest(upstream: ResolvedUpstream, context: CompletionContext, build: BuildRequestContext): UpstreamHttpRequest;
  /** @throws UpstreamProtocolError when the body is not the upstream's response shape. */
  parseAnswer(upstream: ResolvedUpstream, context: CompletionContext, json: unknown): CodecAnswer<TAnswer>;
  createEventParser(upstream: ResolvedUpstream, context: CompletionContext): CodecEventParser<TEvent>;
}
