import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures', () => {
    const breaker = new CircuitBreaker(3, 1000);
    expect(breaker.recordFailure(0)).toBe(false);
    expect(breaker.recordFailure(0)).toBe(false);
    expect(breaker.state(0)).toBe('closed');
    expect(breaker.recordFailure(0)).toBe(true);
    expect(breaker.state(10)).toBe('open');
  });

  it('a success resets the count of consecutive failures', () => {
    const breaker = new CircuitBreaker(2, 1000);
    breaker.recordFailure(0);
    breaker.recordSuccess();
    breaker.recordFailure(0);
    expect(breaker.state(0)).toBe('closed');
  });

  it('turns half-open after the cool-down; a success closes it, a failure re-opens it', () => {
    const breaker = new CircuitBreaker(1, 1000);
    breaker.recordFailure(0);
    expect(breaker.state(999)).toBe('open');
    expect(breaker.state(1000)).toBe('half-open');
    expect(breaker.recordFailure(1000)).toBe(true);
    expect(breaker.state(1500)).toBe('open');
    expect(breaker.state(2000)).toBe('half-open');
    expect(breaker.recordSuccess()).toBe(true);
    expect(breaker.state(2000)).toBe('closed');
  });
});
