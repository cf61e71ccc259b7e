/** The benchmark's table: each load shape measured direct and through the gateway, and their ratios. */
import type { RoundTrip } from './floor';
import type { PhaseStats } from './stats';

export interface PhaseResult {
  name: string;
  direct: PhaseStats;
  gateway: PhaseStats;
  /** Peak RSS of the gateway process during this phase, MB. */
  gatewayRssMb: number;
  /** The gateway's CPU during its run of the phase. */
  gatewayCpu: CpuUse;
  /**
   * The mock upstream's CPU during the direct run: what one plain Node HTTP exchange costs on this
   * machine, the yardstick for the gateway's figure (which serves one and makes another).
   */
  upstreamCpu: CpuUse;
  /** The load generator's CPU during the direct run: an HTTP client's side of the same exchange (undici). */
  clientCpu: CpuUse;
}

export interface CpuUse {
  /** % of one core over the phase. */
  percent: number;
  /** CPU time (all threads, user and kernel) over the requests answered, µs per request. */
  usPerRequest: number;
  /** The kernel's part of that time (system CPU: syscalls, loopback TCP), 0–1. */
  kernelShare: number;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function markdownTable(results: PhaseResult[]): string {
  const lines = [
    row([
      'load',
      'target',
      'req/s',
      'errors',
      'p50 ms',
      'p99 ms',
      'TTFB p50 ms',
      'TTFB p99 ms',
      'gateway RSS MB',
      'CPU (% of a core)',
      'CPU µs/req',
      'in kernel',
    ]),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const result of results) {
    for (const [target, stats] of [
      ['direct', result.direct],
      ['gateway', result.gateway],
    ] as const) {
      lines.push(
        row([
          result.name,
          target,
          stats.rps.toFixed(0),
          String(stats.errors),
          ms(stats.p50),
          ms(stats.p99),
          ms(stats.ttfbP50),
          ms(stats.ttfbP99),
          target === 'gateway' ? result.gatewayRssMb.toFixed(0) : '',
          ...cpuCells(target === 'gateway' ? result.gatewayCpu : result.upstreamCpu),
        ]),
      );
    }
    lines.push(
      row([
        result.name,
        '**gateway/direct**',
        ratio(result.gateway.rps, result.direct.rps),
        '',
        `+${ms(result.gateway.p50 - result.direct.p50)}`,
        `+${ms(result.gateway.p99 - result.direct.p99)}`,
        `+${ms(result.gateway.ttfbP50 - result.direct.ttfbP50)}`,
        `+${ms(result.gateway.ttfbP99 - result.direct.ttfbP99)}`,
        '',
        '',
        '',
        '',
      ]),
    );
  }
  return lines.join('\n');
}

/** On the direct row, the upstream's CPU; on the gateway row, the gateway's. */
function cpuCells(cpu: CpuUse): string[] {
  return [`${cpu.percent.toFixed(0)}%`, cpu.usPerRequest.toFixed(0), `${(cpu.kernelShare * 100).toFixed(0)}%`];
}

/**
 * What one plain HTTP exchange costs in CPU on this machine, per request of the direct run: the
 * server's side (the mock, node:http) and the client's (the load generator, undici). A gateway
 * serves one exchange and makes another, so their sum is the least it can spend per request.
 */
export function exchangeCpuTable(results: PhaseResult[]): string {
  const lines = [
    row(['CPU of one plain HTTP exchange (direct run)', 'server µs/req', 'client µs/req', '**sum** µs/req', 'gateway µs/req']),
    row(['---', '---:', '---:', '---:', '---:']),
  ];
  for (const result of results) {
    const server = result.upstreamCpu.usPerRequest;
    const client = result.clientCpu.usPerRequest;
    lines.push(
      row([result.name, server.toFixed(0), client.toFixed(0), (server + client).toFixed(0), result.gatewayCpu.usPerRequest.toFixed(0)]),
    );
  }
  return lines.join('\n');
}

/** The floor: each round trip alone, and the sum of those every request waits for (the least it can be delayed). */
export function floorTable(roundTrips: RoundTrip[]): string {
  const lines = [row(['what a gateway request waits for, each timed alone', 'p50 ms', 'p99 ms']), row(['---', '---:', '---:'])];
  for (const trip of roundTrips) lines.push(row([trip.waitedFor ? trip.name : `(${trip.name})`, ms(trip.p50), ms(trip.p99)]));
  const waited = roundTrips.filter((trip) => trip.waitedFor);
  const sum = (pick: (trip: RoundTrip) => number) => waited.reduce((total, trip) => total + pick(trip), 0);
  lines.push(row(['**sum** of those every request waits for', ms(sum((trip) => trip.p50)), ms(sum((trip) => trip.p99))]));
  return lines.join('\n');
}
