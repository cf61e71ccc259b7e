/**
 * One completion, end to end, for every inbound API: admission (model, context, worst-case cost),
 * the billing hold, the upstream call with failover (JSON or streamed), and settlement of the hold
 * once the response has gone out. Every outcome — success, upstream failure, timeout, client gone —
 * ends in exactly one capture or release. What the client sees is the sink's job (CompletionSink).
 */
import { Inject, Injectable } from '@nestjs/common';
import type { ChatCompletionRequest, UsageStatus } from '@apilink/contracts';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../../common/errors/app-error';
import type { ApiKeyPrincipal } from '../../../common/auth/principal';
import { completionsConfig } from '../../../config/completions.config';
import type { ConfigOf } from '../../../config/define-config';
import { REQUEST_BILLING, type Hold, type RequestBilling } from '../../billing/request-billing.port';
import { GatewayMetrics } from '../../metrics/gateway-metrics';
import { RequestAdmission, type AdmittedRequest } from '../admission/request-admission';
import { CompletionSettlement } from '../billing/completion-settlement';
import { DeliveredOutput } from '../billing/delivered-output';
import { headersTimeoutFor, newCompletionId, type CompletionContext } from '../completion-context';
import { requestTimedOut } from '../errors/completion-errors';
import { RequestAbortedError } from '../errors/request-aborted';
import { FailoverRunner } from '../routing/failover-runner';
import { announceDroppedParams } from '../streaming/dropped-params-header';
import { RequestLifetime } from '../streaming/request-lifetime';
import { UpstreamExchange } from '../transport/upstream-exchange';
import type { CompletionSink } from './completion-sink';
import { CompletionStreamer } from './completion-streamer';

@Injectable()
export class CompletionPipeline {
  constructor(
    private readonly admission: RequestAdmission,
    @Inject(REQUEST_BILLING) private readonly billing: RequestBilling,
    private readonly settlement: CompletionSettlement,
    private readonly runner: FailoverRunner,
    private readonly exchange: UpstreamExchange,
    private readonly streamer: CompletionStreamer,
    private readonly metrics: GatewayMetrics,
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
    let admitted: AdmittedRequest | null = null;
    let hold: Hold;
    try {
      admitted = this.admission.admit(request);
      hold = await this.billing.reserve({
        requestId,
        userId: caller.userId,
        keyId: caller.keyId,
        spendCapMicros: caller.spendCapMicros,
        amountMicros: admitted.holdMicros,
        model: admitted.active.model.id,
      });
    } catch (error) {
      // Unknown model ids never become metric labels: only catalog ids do.
      const status = error instanceof AppError ? error.status : 500;
      this.metrics.requestRejected(
        admitted ? admitted.active.model.id : 'unknown',
        status,
        performance.now() - startedAt,
        request.stream === true,
      );
      throw error;
    }
    const context: CompletionContext = {
      request,
      caller,
      requestId,
      admitted,
      lifetime: new RequestLifetime(reply.raw, this.config.requestTimeoutMs - (performance.now() - startedAt)),
      response: { id: newCompletionId(), model: request.model, created: Math.floor(Date.now() / 1000) },
      outcome: {
        status: 'error',
        httpStatus: 500,
        upstreamId: null,
        attempts: [],
        usage: null,
        delivered: new DeliveredOutput(),
        stream: request.stream === true,
        startedAt,
        firstTokenAt: null,
      },
      deadline: startedAt + this.config.requestTimeoutMs,
    };
    try {
      if (request.stream) await this.streamer.stream(sink, context, reply);
      else await this.respondJson(sink, context, reply);
    } catch (error) {
      const failure = this.failureOf(error);
      context.outcome.status = failure.status;
      context.outcome.httpStatus = failure.error?.status ?? 499;
      if (failure.error) throw failure.error;
    } finally {
      context.lifetime.dispose();
      await this.settlement.settle(hold, admitted, context.outcome);
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
          headersTimeoutMs: headersTimeoutFor(context, candidate.timeoutMs),
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

  /** The usage status of a failed request and the error the client gets (none when it left). */
  private failureOf(error: unknown): { status: UsageStatus; error: AppError | null } {
    if (error instanceof RequestAbortedError) {
      return error.kind === 'timeout'
        ? { status: 'timeout', error: requestTimedOut(this.config.requestTimeoutMs) }
        : { status: 'client_closed', error: null };
    }
    if (error instanceof AppError) {
      const status: UsageStatus = error.status === 504 ? 'timeout' : error.status >= 500 ? 'upstream_error' : 'error';
      return { status, error };
    }
    throw error;
  }
}
