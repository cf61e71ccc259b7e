import { percentile, Samples, summarize } from './stats';

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile(sorted, 1)).toBe(100);
    expect(percentile(new Float64Array(0), 0.5)).toBeNaN();
  });

  it('grows its buffer and summarises throughput and latency', () => {
    const latency = new Samples();
    const ttfb = new Samples();
    for (let i = 1; i <= 10_000; i++) {
      latency.add(i / 100);
      ttfb.add(i / 1000);
    }
    const stats = summarize(latency, ttfb, 3, 10);
    expect(stats).toMatchObject({
      requests: 10_000,
      errors: 3,
      rps: 1000,
      p50: 50,
      p90: 90,
      p99: 99,
      p999: 99.9,
      max: 100,
      ttfbP50: 5,
      ttfbP99: 9.9,
    });
  });
});
