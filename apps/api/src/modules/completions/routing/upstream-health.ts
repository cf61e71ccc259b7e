/** A circuit breaker per upstream account, and the order in which a model's routes are tried. */
import { Inject, Injectable } from '@nestjs/common';
import { completionsConfig } from '../../../config/completions.config';
import type { ConfigOf } from '../../../config/define-config';
import type { ModelRoute } from '../../upstreams/routing/model-route';
import { GatewayMetrics } from '../../metrics/gateway-metrics';
import { CircuitBreaker } from './circuit-breaker';

@Injectable()
export class UpstreamHealth {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(
    @Inject(completionsConfig.KEY) private readonly config: ConfigOf<typeof completionsConfig>,
    private readonly metrics: GatewayMetrics,
  ) {}

  /** Healthy (closed or half-open) upstreams first, in configured order; open ones after them. */
  order(routes: readonly ModelRoute[], now: number = Date.now()): ModelRoute[] {
    if (routes.length === 1) return [routes[0]];
    const healthy: ModelRoute[] = [];
    const open: ModelRoute[] = [];
    for (const route of routes) (this.breaker(route.account.id).state(now) === 'open' ? open : healthy).push(route);
    return open.length === 0 ? healthy : [...healthy, ...open];
  }

  succeeded(upstreamId: string): void {
    if (this.breaker(upstreamId).recordSuccess()) this.metrics.circuitChanged(upstreamId, false);
  }

  failed(upstreamId: string): void {
    if (this.breaker(upstreamId).recordFailure()) this.metrics.circuitChanged(upstreamId, true);
  }

  private breaker(upstreamId: string): CircuitBreaker {
    let breaker = this.breakers.get(upstreamId);
    if (!breaker) {
      breaker = new CircuitBreaker(this.config.breaker.failureThreshold, this.config.breaker.cooldownMs);
      this.breakers.set(upstreamId, breaker);
    }
    return breaker;
  }
}
