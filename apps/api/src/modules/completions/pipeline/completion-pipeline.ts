/**
 * One completion, end to end, for every inbound API: admission (model, context, worst-case cost),
 * the billing hold, the upstream call with failover (JSON or streamed), and settlement of the hold
 * once the response has gone out. Every outcome — success, upstream failure, timeout, client gone —
 * ends in exactly one capture or release. What the client sees is the sink's job (CompletionSink).
 */
import { Inject, Injectable } from '@nestjs/common';
import type { ChatCompletionRequest } from '@apilink/contracts';
import type { FastifyReply } from 'fastify';
import type { ApiKeyPrincipal } from '../../../common/auth/principal';
import { completionsConfig } from '../../../config/completions.config';
import type { ConfigOf } from '../../../config/define-config';
import { RequestAdmission } from '../admission/request-admission';
import { CompletionSettlement } from '../billing/completion-settlement';
import { pendingOutcome } from '../billing/pending-outcome';
import { RequestHolds } from '../billing/request-holds';
import { headersTimeoutFor, newCompletionId, type CompletionContext } from '../completion-context';
import { recordFailure } from '../errors/request-failure';
import { FailoverRunner } from '../routing/failover-runner';
import { announceDroppedParams } from '../streaming/dropped-params-header';
import { RequestLifetime } from '../streaming/request-lifetime';
import { UpstreamExchange } from '../transport/upstream-exchange';
import type { CompletionSink } from './completion-sink';
import { CompletionStreamer } from './completion-streamer';
import { markFundsHeld } from '../../billing/usage/funds-held';

@Injectable()
export class CompletionPipeline {
  constructor(
    private readonly admission: RequestAdmission,
    private readonly holds: RequestHolds,
    private readonly settlement: CompletionSettlement,
    private readonly runner: FailoverRunner,
    private readonly exchange: UpstreamExchange,
    private readonly streamer: CompletionStreamer,
    @Inject(completionsConfig.KEY) private readonly config: ConfigOf<typeof completionsConfig>,
  ) {}

  /**
   * Answers on `reply` through the sink (JSON or event stream); throws AppErrors for the error
   * filter. `request` is the chat form of the client's request: it drives admission and the hold.
   */
  async run<TAnswer, TEvent>(
    sink: CompletionSink<TAnswer, TEvent>,
    request: ChatCompletionRequest,
    caller: ApiKeyPrincipal,
    requestId: string,
    reply: FastifyReply,
  ): Promise<void> {
    const startedAt = performance.now();
    const { admitted, hold } = await this.holds.admitAndHold(
      () => this.admission.admit(request, caller.userId),
      caller,
      requestId,
      request.stream === true,
      startedAt,
    );
    markFundsHeld(reply.request);
    const context: CompletionContext = {
      request,
      caller,
      requestId,
      admitted,
      lifetime: new RequestLifetime(reply.raw, this.config.requestTimeoutMs - (performance.now() - startedAt)),
      response: { id: newCompletionId(), model: request.model, created: Math.floor(Date.now() / 1000) },
      outcome: pendingOutcome(request.stream === true, startedAt),
      deadline: startedAt + this.config.requestTimeoutMs,
    };
    try {
      if (request.stream) await this.streamer.stream(sink, context, reply);
      else await this.respondJson(sink, context, reply);
    } catch (error) {
      const clientError = recordFailure(context.outcome, error, this.config.requestTimeoutMs);
      if (clientError) throw clientError;
    } finally {
      context.lifetime.dispose();
      // Not awaited: the answer (or the error, thrown next) need not wait for the commit, and this
      // frame's objects (reply, bodies, context) are free once it returns. Shutdown waits for
      // settlements through the billing strategy (leases in flight, holds still settling).
      void this.settlement.settle(hold, admitted, context.outcome);
    }
  }

  private async respondJson<TAnswer>(
    sink: CompletionSink<TAnswer, unknown>,
    context: CompletionContext,
    reply: FastifyReply,
  ): Promise<void> {
    const { admitted, lifetime, outcome } = context;
    const { value: parsed, upstream } = await this.runner.run(
      admitted.active,
      lifetime.signal,
      (candidate) =>
        this.exchange.fetchCompletion(candidate, sink.codec, context, {
          signal: lifetime.signal,
          headersTimeoutMs: headersTimeoutFor(context, candidate.timeoutMs ?? this.config.headersTimeoutMs),
          defaultMaxTokens: admitted.maxOutputTokens,
        }),
      { requestId: context.requestId, attempts: outcome.attempts },
    );
    announceDroppedParams(reply, parsed.droppedParams);
    outcome.upstreamId = upstream.id;
    outcome.usage = parsed.usage;
    sink.recordAnswer(parsed.answer, outcome.delivered);
    outcome.firstTokenAt = performance.now();
    outcome.status = 'success';
    outcome.httpStatus = 200;
    sink.respond(parsed, context, reply);
  }
}
