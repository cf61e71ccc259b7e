/**
 * POST /v1/embeddings end to end, on the same rails as chat: admission and the hold (counted input
 * tokens at the input price), failover across the model's upstreams, one JSON answer, and exactly
 * one capture or release. The usage the bill uses is the upstream's, or the gateway's own count
 * when the upstream reports none (Gemini), flagged estimated.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { EmbeddingRequest, EmbeddingResponse } from '@apilink/contracts';
import type { FastifyReply } from 'fastify';
import type { ApiKeyPrincipal } from '../../../common/auth/principal';
import { completionsConfig } from '../../../config/completions.config';
import type { ConfigOf } from '../../../config/define-config';
import { UpstreamProtocolError } from '../adapters/errors/upstream-protocol.error';
import { buildUpstreamUsage } from '../adapters/shared/usage';
import type { AdmittedRequest } from '../admission/request-admission';
import { clientUsage } from '../billing/billed-usage';
import type { CompletionOutcome } from '../billing/completion-settlement';
import { CompletionSettlement } from '../billing/completion-settlement';
import { pendingOutcome } from '../billing/pending-outcome';
import { RequestHolds } from '../billing/request-holds';
import { headersTimeoutFor } from '../completion-context';
import { recordFailure } from '../errors/request-failure';
import { FailoverRunner } from '../routing/failover-runner';
import type { ResolvedUpstream } from '../routing/upstream-resolver';
import { announceDroppedParams } from '../streaming/dropped-params-header';
import { RequestLifetime } from '../streaming/request-lifetime';
import { UpstreamExchange } from '../transport/upstream-exchange';
import { embeddingInputs, type EmbeddingAnswer } from './embedding-codec';
import { embeddingCodecFor } from './embedding-codecs';
import { EmbeddingAdmission } from './embedding-admission';
import { toEmbeddingResponse } from './embedding-response.mapper';
import { markFundsHeld } from '../../billing/usage/funds-held';

/** Batches of one request in flight at once: quick for big inputs, gentle on the upstream's rate limit. */
const BATCHES_IN_FLIGHT = 4;

interface EmbeddingAttempt extends EmbeddingAnswer {
  droppedParams: string[];
}

@Injectable()
export class EmbeddingsService {
  constructor(
    private readonly admission: EmbeddingAdmission,
    private readonly holds: RequestHolds,
    private readonly settlement: CompletionSettlement,
    private readonly runner: FailoverRunner,
    private readonly exchange: UpstreamExchange,
    @Inject(completionsConfig.KEY) private readonly config: ConfigOf<typeof completionsConfig>,
  ) {}

  /** Answers on `reply`; throws AppErrors for the error filter. */
  async create(request: EmbeddingRequest, caller: ApiKeyPrincipal, requestId: string, reply: FastifyReply): Promise<void> {
    const startedAt = performance.now();
    const { admitted, hold } = await this.holds.admitAndHold(
      () => this.admission.admit(request, caller.userId),
      caller,
      requestId,
      false,
      startedAt,
    );
    markFundsHeld(reply.request);
    const deadline = startedAt + this.config.requestTimeoutMs;
    const lifetime = new RequestLifetime(reply.raw, deadline - performance.now());
    const outcome = pendingOutcome(false, startedAt);
    try {
      const inputCount = embeddingInputs(request.input).length;
      const { value, upstream } = await this.runner.run(
        admitted.active,
        lifetime.signal,
        (candidate) =>
          this.attempt(candidate, request, inputCount, {
            signal: lifetime.signal,
            headersTimeoutMs: headersTimeoutFor({ deadline }, candidate.timeoutMs ?? this.config.headersTimeoutMs),
          }),
        { requestId, attempts: outcome.attempts },
      );
      outcome.upstreamId = upstream.id;
      outcome.usage = value.promptTokens === null ? null : promptOnlyUsage(value.promptTokens);
      outcome.firstTokenAt = performance.now();
      outcome.status = 'success';
      outcome.httpStatus = 200;
      announceDroppedParams(reply, value.droppedParams);
      const response = this.render(value, request, admitted, outcome);
      void reply.status(200).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(response));
    } catch (error) {
      const clientError = recordFailure(outcome, error, this.config.requestTimeoutMs);
      if (clientError) throw clientError;
    } finally {
      lifetime.dispose();
      await this.settlement.settle(hold, admitted, outcome);
    }
  }

  /**
   * One upstream embeds every input: in one request, or in batches (Gemini takes 100 inputs per
   * request) sent a few at a time and joined in input order. Any failed batch fails the attempt,
   * so failover redoes the whole request on the next upstream.
   */
  private async attempt(
    upstream: ResolvedUpstream,
    request: EmbeddingRequest,
    inputCount: number,
    options: { signal: AbortSignal; headersTimeoutMs: number },
  ): Promise<EmbeddingAttempt> {
    const codec = embeddingCodecFor(upstream.target.protocol);
    const batches = codec.buildRequests(request, upstream.target);
    const answers = await inParallel(batches, BATCHES_IN_FLIGHT, async (batch) =>
      codec.parseResponse(await this.exchange.postJson(upstream, batch.http, options), batch.inputCount),
    );
    const vectors = answers.flatMap((answer) => answer.vectors);
    if (vectors.length !== inputCount)
      throw new UpstreamProtocolError(`Upstream answered ${vectors.length} embeddings for ${inputCount} inputs`);
    const counts = answers.map((answer) => answer.promptTokens);
    return {
      vectors,
      // Usage is the sum over the batches, or none (the gateway counts) when a batch reported none.
      promptTokens: counts.some((count) => count === null) ? null : (counts as number[]).reduce((sum, count) => sum + count, 0),
      droppedParams: batches[0]?.http.droppedParams ?? [],
    };
  }

  private render(
    answer: EmbeddingAnswer,
    request: EmbeddingRequest,
    admitted: AdmittedRequest,
    outcome: CompletionOutcome,
  ): EmbeddingResponse {
    // The same billed usage and cost as settlement: the upstream's count, or the gateway's.
    const usage = clientUsage(admitted, outcome);
    return toEmbeddingResponse(answer.vectors, request.model, request.encoding_format ?? 'float', {
      prompt_tokens: usage.prompt_tokens,
      total_tokens: usage.prompt_tokens,
      cost: usage.cost,
    });
  }
}

/** `work` on every item, at most `limit` at a time; the results in item order. Rejects on the first failure. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Embeddings bill input tokens only. */
function promptOnlyUsage(promptTokens: number) {
  return buildUpstreamUsage({ promptTokens, completionTokens: 0, cachedTokens: 0, reasoningTokens: 0, cacheWriteTokens: 0 });
}
