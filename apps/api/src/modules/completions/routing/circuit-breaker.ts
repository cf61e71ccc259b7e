/**
 * One upstream's health: after `failureThreshold` consecutive failures it opens for `cooldownMs`,
 * during which the upstream is tried only after every healthy one. When the cool-down ends it is
 * half-open: the next attempt decides (a success closes it, a failure opens it again).
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;

  constructor(
    private readonly failureThreshold: number,
    private readonly cooldownMs: number,
  ) {}

  state(now: number = Date.now()): CircuitState {
    if (this.openedAt === null) return 'closed';
    return now - this.openedAt >= this.cooldownMs ? 'half-open' : 'open';
  }

  /** True when the breaker changed from open/half-open to closed. */
  recordSuccess(): boolean {
    const wasOpen = this.openedAt !== null;
    this.failures = 0;
    this.openedAt = null;
    return wasOpen;
  }

  /** True when this failure opened (or re-opened) the breaker. */
  recordFailure(now: number = Date.now()): boolean {
    this.failures++;
    if (this.state(now) === 'half-open' || (this.openedAt === null && this.failures >= this.failureThreshold)) {
      this.openedAt = now;
      return true;
    }
    return false;
  }
}
