import { exchangeCpuTable, floorTable, markdownTable, type PhaseResult } from './report';
import type { PhaseStats } from './stats';

describe('floorTable', () => {
  it('lists each round trip and sums the percentiles of those every request waits for', () => {
    const table = floorTable([
      { name: 'billing hold (PostgreSQL; with leases, only near the edge)', waitedFor: false, p50: 0.6, p99: 2.5 },
      { name: 'rate-limit script (Redis)', waitedFor: true, p50: 0.1, p99: 0.4 },
      { name: 'a second HTTP exchange', waitedFor: true, p50: 0.3, p99: 1.2 },
    ]);
    expect(table.split('\n')).toEqual([
      '| what a gateway request waits for, each timed alone | p50 ms | p99 ms |',
      '| --- | ---: | ---: |',
      '| (billing hold (PostgreSQL; with leases, only near the edge)) | 0.60 | 2.50 |',
      '| rate-limit script (Redis) | 0.10 | 0.40 |',
      '| a second HTTP exchange | 0.30 | 1.20 |',
      '| **sum** of those every request waits for | 0.40 | 1.60 |',
    ]);
  });
});

describe('markdownTable', () => {
  const stats = (rps: number, p50: number): PhaseStats => ({
    requests: rps * 10,
    errors: 0,
    seconds: 10,
    rps,
    p50,
    p90: p50 * 2,
    p99: p50 * 4,
    p999: p50 * 8,
    max: p50 * 10,
    ttfbP50: p50,
    ttfbP99: p50 * 4,
  });

  const result: PhaseResult = {
    name: 'non-stream, 500 req/s',
    direct: stats(500, 0.5),
    gateway: stats(500, 1.5),
    gatewayRssMb: 201.4,
    gatewayCpu: { percent: 60, usPerRequest: 1200, kernelShare: 0.35 },
    upstreamCpu: { percent: 15, usPerRequest: 300, kernelShare: 0.5 },
    clientCpu: { percent: 10, usPerRequest: 200, kernelShare: 0.2 },
  };

  it("shows the upstream's CPU on the direct row, the gateway's on the gateway row, and the added latency", () => {
    const lines = markdownTable([result]).split('\n');
    expect(lines.slice(2)).toEqual([
      '| non-stream, 500 req/s | direct | 500 | 0 | 0.50 | 2.00 | 0.50 | 2.00 |  | 15% | 300 | 50% |',
      '| non-stream, 500 req/s | gateway | 500 | 0 | 1.50 | 6.00 | 1.50 | 6.00 | 201 | 60% | 1200 | 35% |',
      '| non-stream, 500 req/s | **gateway/direct** | 1.00× |  | +1.00 | +4.00 | +1.00 | +4.00 |  |  |  |  |',
    ]);
  });

  it('sums the server and client sides of a plain exchange beside the gateway', () => {
    expect(exchangeCpuTable([result]).split('\n')[2]).toBe('| non-stream, 500 req/s | 300 | 200 | 500 | 1200 |');
  });
});
