/**
 * Runs an attempt against a model's upstreams in order (healthy ones first) until one succeeds.
 * It moves on after connect errors, timeouts, 429, 5xx and broken answers, all of which happen
 * before anything reaches the client; an upstream's verdict on the request itself ends the loop.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RequestAttempt } from '@apilink/contracts';
import { completionsConfig } from '../../../config/completions.config';
import type { ConfigOf } from '../../../config/define-config';
import { GatewayMetrics } from '../../metrics/gateway-metrics';
import type { ActiveModel } from '../../models/active-model';
import { allUpstreamsUnavailable } from '../errors/completion-errors';
import { UpstreamFailure } from '../errors/upstream-failure';
import { classifyAttemptError, type AttemptVerdict } from './failure-classifier';
import { UpstreamHealth } from './upstream-health';
import { UpstreamResolver, type ResolvedUpstream } from './upstream-resolver';

/** Where a request's attempts are recorded: its usage row's list and its log lines. */
export interface AttemptTrace {
  requestId: string;
  /** Every attempt is appended, in order (kept on the usage row for the staff lookup). */
  attempts: RequestAttempt[];
}

export interface AttemptResult<T> {
  value: T;
  upstream: ResolvedUpstream;
}

@Injectable()
export class FailoverRunner {
  private readonly logger = new Logger(FailoverRunner.name);

  constructor(
    private readonly health: UpstreamHealth,
    private readonly resolver: UpstreamResolver,
    private readonly metrics: GatewayMetrics,
    @Inject(completionsConfig.KEY) private readonly config: ConfigOf<typeof completionsConfig>,
  ) {}

  /**
   * @throws the signal's reason when the request is aborted, the AppError of a rejected request,
   *   or 503 when every upstream tried failed.
   */
  async run<T>(
    active: ActiveModel,
    signal: AbortSignal,
    attempt: (upstream: ResolvedUpstream) => Promise<T>,
    trace: AttemptTrace,
  ): Promise<AttemptResult<T>> {
    const { attempts } = trace;
    const routes = this.health.order(active.routes).slice(0, this.config.maxAttempts);
    for (let index = 0; index < routes.length; index++) {
      const upstream = this.resolver.resolve(routes[index]);
      const startedAt = performance.now();
      try {
        const value = await attempt(upstream);
        this.health.succeeded(upstream.id);
        attempts.push(attemptRecord(upstream.id, startedAt, null, null));
        return { value, upstream };
      } catch (error) {
        const verdict = classifyAttemptError(error);
        attempts.push(attemptRecord(upstream.id, startedAt, httpStatusOf(error), signal.aborted ? 'aborted' : attemptError(verdict)));
        if (signal.aborted) throw signal.reason;
        if (verdict.kind === 'reject') throw verdict.error;
        if (verdict.kind === 'unexpected') throw error;
        this.upstreamFailed(trace.requestId, upstream.id, verdict.reason, verdict.message);
        if (index < routes.length - 1) this.metrics.failedOver(active.model.id, upstream.id);
      }
    }
    throw allUpstreamsUnavailable();
  }

  /** Also used when a stream breaks after it started, so the breaker sees every failure. */
  upstreamFailed(requestId: string, upstreamId: string, reason: string, message: string): void {
    this.health.failed(upstreamId);
    this.metrics.upstreamFailed(upstreamId, reason);
    this.logger.warn({ requestId, upstream: upstreamId, reason }, `Upstream ${upstreamId} failed (${reason}): ${message}`);
  }
}

function attemptRecord(upstream: string, startedAt: number, httpStatus: number | null, error: string | null): RequestAttempt {
  const durationMs = Math.round(performance.now() - startedAt);
  return { upstream, status: error === null ? 'success' : 'failed', httpStatus, error, durationMs };
}

/** The failure reason only (e.g. `status_5xx`, `timeout`): never the upstream's message or keys. */
function attemptError(verdict: AttemptVerdict): string {
  if (verdict.kind === 'retry') return verdict.reason;
  return verdict.kind === 'reject' ? 'rejected' : 'error';
}

function httpStatusOf(error: unknown): number | null {
  const match = error instanceof UpstreamFailure ? /^HTTP (\d{3}):/.exec(error.message) : null;
  return match ? Number(match[1]) : null;
}
