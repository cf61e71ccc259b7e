/**
 * The streaming path: keep-alive from the start, failover until the first event, then every event
 * forwarded through the sink's writer the moment the codec's parser yields it. After the first chunk, failures end the stream with
 * an in-band error event; a client that leaves aborts the upstream request at once.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { completionsConfig } from '../../../config/completions.config';
import type { ConfigOf } from '../../../config/define-config';
import { headersTimeoutFor, type CompletionContext } from '../completion-context';
import { requestTimedOut, upstreamStreamFailed } from '../errors/completion-errors';
import { RequestAbortedError } from '../errors/request-aborted';
import { classifyAttemptError } from '../routing/failure-classifier';
import { announceDroppedParams } from '../streaming/dropped-params-header';
import { FailoverRunner, type AttemptResult } from '../routing/failover-runner';
import { UpstreamExchange, type PrimedStream } from '../transport/upstream-exchange';
import type { CompletionSink } from './completion-sink';
import type { EventStreamWriter } from './event-stream-writer';

@Injectable()
export class CompletionStreamer {
  constructor(
    private readonly runner: FailoverRunner,
    private readonly exchange: UpstreamExchange,
    @Inject(completionsConfig.KEY) private readonly config: ConfigOf<typeof completionsConfig>,
  ) {}

  async stream<TEvent>(sink: CompletionSink<unknown, TEvent>, context: CompletionContext, reply: FastifyReply): Promise<void> {
    const { admitted, lifetime, outcome } = context;
    const writer = sink.openStream(context, reply);
    writer.startKeepAlive();
    let primed: AttemptResult<PrimedStream<TEvent>>;
    try {
      primed = await this.runner.run(
        admitted.active,
        lifetime.signal,
        (upstream) =>
          this.exchange.openStream(upstream, sink.codec, context, {
            signal: lifetime.signal,
            headersTimeoutMs: headersTimeoutFor(context, upstream.timeoutMs ?? this.config.streamHeadersTimeoutMs),
            defaultMaxTokens: admitted.maxOutputTokens,
          }),
        { requestId: context.requestId, attempts: outcome.attempts },
      );
    } catch (error) {
      // Before any byte went out the error is a plain HTTP error; after keep-alive comments it is in-band.
      if (!writer.headersSent || error instanceof RequestAbortedError) {
        writer.dispose();
        throw error;
      }
      writer.fail(error);
      outcome.httpStatus = 200;
      outcome.status = 'upstream_error';
      return;
    }

    const { stream, first, droppedParams } = primed.value;
    announceDroppedParams(reply, droppedParams);
    outcome.upstreamId = primed.upstream.id;
    outcome.httpStatus = 200;
    try {
      for (let batch = first; batch !== null; batch = await stream.next()) {
        for (const event of batch) {
          const hadOutput = !outcome.delivered.isEmpty;
          sink.recordEvent(event, outcome.delivered);
          if (!hadOutput && !outcome.delivered.isEmpty) outcome.firstTokenAt = performance.now();
          const pending = writer.write(event);
          if (pending) await pending;
        }
      }
      outcome.usage = stream.usage;
      writer.end(stream.usage);
      outcome.status = 'success';
    } catch (error) {
      stream.discard();
      outcome.usage = stream.usage;
      this.endBroken(context, writer, primed.upstream.id, error);
    }
  }

  private endBroken(context: CompletionContext, writer: EventStreamWriter<unknown>, upstreamId: string, error: unknown): void {
    const { lifetime, outcome } = context;
    if (lifetime.abortCause === 'client_closed') {
      writer.dispose();
      outcome.status = 'client_closed';
      return;
    }
    if (lifetime.abortCause === 'timeout') {
      writer.fail(requestTimedOut(this.config.requestTimeoutMs));
      outcome.status = 'timeout';
      return;
    }
    const verdict = classifyAttemptError(error);
    if (verdict.kind === 'unexpected') {
      // A bug: the client still gets a clean end (a generic 500 event), the filter logs the error.
      writer.fail(error);
      outcome.status = 'error';
      throw error;
    }
    const message = verdict.kind === 'retry' ? verdict.message : verdict.error.message;
    if (verdict.kind === 'retry') this.runner.upstreamFailed(context.requestId, upstreamId, verdict.reason, message);
    writer.fail(upstreamStreamFailed(`The upstream stream failed: ${message}`));
    outcome.status = 'upstream_error';
  }
}
