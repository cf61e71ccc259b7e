/**
 * The streaming path: keep-alive from the start, failover until the first chunk, then every chunk
 * forwarded the moment the parser yields it. After the first chunk, failures end the stream with
 * an in-band error event; a client that leaves aborts the upstream request at once.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { CompletionUsage } from '@apilink/contracts';
import type { FastifyReply } from 'fastify';
import { renderError } from '../../../common/errors/error-envelope.mapper';
import { completionsConfig } from '../../../config/completions.config';
import type { ConfigOf } from '../../../config/define-config';
import { createUsageChunk } from '../adapters/shared/openai-objects';
import { headersTimeoutFor, type CompletionContext } from '../completion-context';
import { requestTimedOut, upstreamStreamFailed } from '../errors/completion-errors';
import { RequestAbortedError } from '../errors/request-aborted';
import { classifyAttemptError } from '../routing/failure-classifier';
import { FailoverRunner, type AttemptResult } from '../routing/failover-runner';
import { UpstreamExchange, type PrimedStream } from '../transport/upstream-exchange';
import { SseWriter } from './sse-writer';

@Injectable()
export class CompletionStreamer {
  constructor(
    private readonly runner: FailoverRunner,
    private readonly exchange: UpstreamExchange,
    @Inject(completionsConfig.KEY) private readonly config: ConfigOf<typeof completionsConfig>,
  ) {}

  async stream(context: CompletionContext, reply: FastifyReply): Promise<void> {
    const { admitted, lifetime, outcome } = context;
    const writer = new SseWriter(reply, this.config.keepAliveIntervalMs);
    writer.startKeepAlive();
    let primed: AttemptResult<PrimedStream>;
    try {
      primed = await this.runner.run(admitted.active, lifetime.signal, (upstream) =>
        this.exchange.openStream(upstream, context.request, context.response, {
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
      writer.fail(renderError(error, context.requestId).body);
      outcome.httpStatus = 200;
      outcome.status = 'upstream_error';
      return;
    }

    const { stream, first } = primed.value;
    outcome.upstreamId = primed.upstream.id;
    outcome.httpStatus = 200;
    try {
      for (let batch = first; batch !== null; batch = await stream.next()) {
        for (const chunk of batch) {
          const hadOutput = !outcome.delivered.isEmpty;
          outcome.delivered.addChunk(chunk);
          if (!hadOutput && !outcome.delivered.isEmpty) outcome.firstTokenAt = performance.now();
          const pending = writer.writeChunk(chunk);
          if (pending) await pending;
        }
      }
      outcome.usage = stream.usage;
      if (context.request.stream_options?.include_usage) {
        writer.writeChunk(createUsageChunk(context.response, stream.usage?.completionUsage ?? countedUsage(context)));
      }
      writer.end();
      outcome.status = 'success';
    } catch (error) {
      stream.discard();
      outcome.usage = stream.usage;
      this.endBroken(context, writer, primed.upstream.id, error);
    }
  }

  private endBroken(context: CompletionContext, writer: SseWriter, upstreamId: string, error: unknown): void {
    const { lifetime, outcome } = context;
    if (lifetime.abortCause === 'client_closed') {
      writer.dispose();
      outcome.status = 'client_closed';
      return;
    }
    if (lifetime.abortCause === 'timeout') {
      writer.fail(renderError(requestTimedOut(this.config.requestTimeoutMs), context.requestId).body);
      outcome.status = 'timeout';
      return;
    }
    const verdict = classifyAttemptError(error);
    if (verdict.kind === 'unexpected') {
      // A bug: the client still gets a clean end (a generic 500 event), the filter logs the error.
      writer.fail(renderError(error, context.requestId).body);
      outcome.status = 'error';
      throw error;
    }
    const message = verdict.kind === 'retry' ? verdict.message : verdict.error.message;
    if (verdict.kind === 'retry') this.runner.upstreamFailed(context.requestId, upstreamId, verdict.reason, message);
    writer.fail(renderError(upstreamStreamFailed(`The upstream stream failed: ${message}`), context.requestId).body);
    outcome.status = 'upstream_error';
  }
}

/** Usage for a client that asked for it when the upstream reported none: counted, like the bill. */
function countedUsage(context: CompletionContext): CompletionUsage {
  const completion = context.outcome.delivered.countTokens();
  return {
    prompt_tokens: context.admitted.promptTokens,
    completion_tokens: completion,
    total_tokens: context.admitted.promptTokens + completion,
  };
}
