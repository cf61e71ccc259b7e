/**
 * Settles a request's hold exactly once, after the response went out: capture the real usage (or
 * the prompt plus the tokens counted in what reached the client, flagged estimated), or release
 * when no token did. Also the single place a finished request is counted in the metrics.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RequestAttempt, UsageStatus } from '@apilink/contracts';
import type { CaptureUsage, Hold, RequestBilling, RequestOutcome } from '../../billing/request-billing.port';
import { REQUEST_BILLING } from '../../billing/request-billing.port';
import { usageCostMicros, type TokenBreakdown } from '../../billing/pricing/completion-cost';
import { GatewayMetrics, type CompletedRequest } from '../../metrics/gateway-metrics';
import type { AdmittedRequest } from '../admission/request-admission';
import type { UpstreamUsage } from '../adapters/upstream-adapter';
import { billedUsage } from './billed-usage';
import type { DeliveredOutput } from './delivered-output';
import { breakdownOf } from './token-breakdown';
import { extend } from '../../../common/objects/extend';

export interface CompletionOutcome {
  status: UsageStatus;
  /** What the client got as HTTP status (200 for a stream ended by an in-band error). */
  httpStatus: number;
  /** The upstream account that answered, or null when none did. */
  upstreamId: string | null;
  /** Every upstream tried, in order (filled by the failover runner). */
  attempts: RequestAttempt[];
  /** Usage reported by the upstream; null when it reported none. */
  usage: UpstreamUsage | null;
  delivered: DeliveredOutput;
  stream: boolean;
  /** performance.now() at arrival and at the first token written (null: none was). */
  startedAt: number;
  firstTokenAt: number | null;
}

@Injectable()
export class CompletionSettlement {
  private readonly logger = new Logger(CompletionSettlement.name);

  constructor(
    @Inject(REQUEST_BILLING) private readonly billing: RequestBilling,
    private readonly metrics: GatewayMetrics,
  ) {}

  /**
   * Bills the request from its outcome now and commits in the background (batched: 20 ms to
   * ~150 ms later under load). Never rejects. Only the hold and two flat records wait for the
   * commit, not the request's objects (reply, bodies, context).
   */
  settle(hold: Hold, admitted: AdmittedRequest, outcome: CompletionOutcome): Promise<void> {
    const latencyMs = Math.round(performance.now() - outcome.startedAt);
    const ttftMs = outcome.firstTokenAt === null ? null : Math.round(outcome.firstTokenAt - outcome.startedAt);
    const base = { status: outcome.status, provider: outcome.upstreamId, latencyMs, ttftMs, attempts: outcome.attempts };
    const tokens = this.billableTokens(admitted, outcome);
    const usage: CaptureUsage | null =
      tokens &&
      extend(base, {
        actualCostMicros: usageCostMicros(admitted.active.price, tokens.breakdown),
        promptTokens: tokens.breakdown.promptTokens,
        completionTokens: tokens.breakdown.completionTokens,
        cachedTokens: tokens.breakdown.cachedTokens,
        estimated: tokens.estimated,
      });
    const completed: CompletedRequest = {
      model: admitted.active.model.id,
      provider: outcome.upstreamId ?? 'none',
      status: outcome.httpStatus,
      outcome: outcome.status,
      stream: outcome.stream,
      durationMs: latencyMs,
      ttftMs,
      promptTokens: tokens?.breakdown.promptTokens ?? 0,
      completionTokens: tokens?.breakdown.completionTokens ?? 0,
      cachedTokens: tokens?.breakdown.cachedTokens ?? 0,
      costMicros: 0n,
    };
    const settled = usage ? this.capture(hold, usage, completed) : this.release(hold, base, completed);
    // Nothing awaits this: a failure after the settlement (counting it in the metrics) is logged here.
    return settled.catch((error: unknown) => this.logger.error(`Could not count request ${hold.requestId}: ${(error as Error).message}`));
  }

  private async capture(hold: Hold, usage: CaptureUsage, completed: CompletedRequest): Promise<void> {
    try {
      completed.costMicros = (await this.billing.capture(hold, usage)).chargedMicros;
    } catch (error) {
      completed.costMicros = usage.actualCostMicros;
      this.settlementFailed(hold, error);
    }
    this.metrics.requestCompleted(completed);
  }

  private async release(hold: Hold, outcome: RequestOutcome, completed: CompletedRequest): Promise<void> {
    try {
      await this.billing.release(hold, outcome);
    } catch (error) {
      this.settlementFailed(hold, error);
    }
    this.metrics.requestCompleted(completed);
  }

  private settlementFailed(hold: Hold, error: unknown): void {
    // The hold stays open and the reaper voids it: the customer is never charged twice or wrongly.
    this.logger.error(`Could not settle the hold of request ${hold.requestId}: ${(error as Error).message}`);
  }

  /**
   * A completed request bills the upstream's usage (or, without one, the counted prompt and output).
   * A request cut short bills the prompt plus the tokens that reached the client, and nothing at all
   * when none did (a failure before the first token).
   */
  private billableTokens(admitted: AdmittedRequest, outcome: CompletionOutcome): { breakdown: TokenBreakdown; estimated: boolean } | null {
    if (outcome.status === 'success') return { breakdown: breakdownOf(billedUsage(admitted, outcome)), estimated: outcome.usage === null };
    if (outcome.delivered.isEmpty) return null;
    const reported = outcome.usage ? breakdownOf(outcome.usage) : null;
    return {
      breakdown: {
        promptTokens: reported?.promptTokens || admitted.promptTokens,
        completionTokens: outcome.delivered.countTokens(),
        cachedTokens: reported?.cachedTokens ?? 0,
        cacheWriteTokens: reported?.cacheWriteTokens ?? 0,
        reasoningTokens: 0,
      },
      estimated: true,
    };
  }
}
