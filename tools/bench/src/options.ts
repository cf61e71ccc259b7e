/** Command-line options of `npm run bench`. */
import path from 'node:path';

/**
 * The load shapes: a fixed number of clients, a fixed arrival rate, streaming clients, and
 * streams at a fixed arrival rate (where time to first byte is judged: an unsaturated gateway).
 */
export const PHASES = ['closed', 'rate', 'stream', 'stream-rate'] as const;
export type Phase = (typeof PHASES)[number];

export interface BenchOptions {
  /** Which load shapes to run (all by default); one alone gives a CPU profile of just that load. */
  phases: Phase[];
  durationMs: number;
  warmupMs: number;
  concurrency: number;
  rate: number;
  /** Streams started per second in the stream-rate phase. */
  streamRate: number;
  chunks: number;
  /** Customers (each with its own key and balance) the gateway load is spread over. */
  customers: number;
  /** Gateway worker processes (WORKERS); 1 unless asked, so runs compare one process. */
  workers: number;
  redis: boolean;
  /** Commit without waiting for the WAL flush (bench database only): separates disk fsync cost from the gateway's. */
  asyncCommit: boolean;
  /** Reuse the checkout's tmp/bench-build instead of compiling the API again. */
  build: boolean;
  /**
   * Measure the API of this checkout instead (installed, with its own node_modules; built into its
   * tmp/bench-build unless --no-build): an A/B of two builds under the same load generator and report.
   */
  gatewayCheckout?: string;
  cpuProfileDir?: string;
  gatewayLogFile?: string;
  jsonFile?: string;
}

export const USAGE = `npm run bench -- [--duration 10] [--warmup 3] [--concurrency 32] [--rate 500] [--stream-rate 100] [--chunks 20] [--customers 1] [--workers 1]
                     [--phases closed,rate,stream,stream-rate] [--no-redis] [--async-commit] [--no-build] [--gateway-checkout DIR] [--cpu-prof DIR] [--gateway-log FILE] [--json FILE]`;

export function parseBenchOptions(argv: readonly string[], root: string): BenchOptions {
  const options: BenchOptions = {
    phases: [...PHASES],
    durationMs: 10_000,
    warmupMs: 3_000,
    concurrency: 32,
    rate: 500,
    streamRate: 100,
    chunks: 20,
    customers: 1,
    workers: 1,
    redis: true,
    asyncCommit: false,
    build: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const text = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
      return next;
    };
    const positive = (): number => {
      const value = Number(text());
      if (!(value > 0) || !Number.isFinite(value)) throw new Error(`${flag} must be a positive number\n${USAGE}`);
      return value;
    };
    switch (flag) {
      case '--duration':
        options.durationMs = positive() * 1000;
        break;
      case '--warmup':
        options.warmupMs = positive() * 1000;
        break;
      case '--concurrency':
        options.concurrency = Math.round(positive());
        break;
      case '--rate':
        options.rate = positive();
        break;
      case '--stream-rate':
        options.streamRate = positive();
        break;
      case '--chunks':
        options.chunks = Math.round(positive());
        break;
      case '--customers':
        options.customers = Math.round(positive());
        break;
      case '--workers':
        options.workers = Math.round(positive());
        break;
      case '--phases':
        options.phases = phasesOf(text());
        break;
      case '--no-redis':
        options.redis = false;
        break;
      case '--async-commit':
        options.asyncCommit = true;
        break;
      case '--no-build':
        options.build = false;
        break;
      case '--gateway-checkout':
        options.gatewayCheckout = path.resolve(root, text());
        break;
      case '--cpu-prof':
        options.cpuProfileDir = path.resolve(root, text());
        break;
      case '--gateway-log':
        options.gatewayLogFile = path.resolve(root, text());
        break;
      case '--json':
        options.jsonFile = path.resolve(root, text());
        break;
      default:
        throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  return options;
}

function phasesOf(list: string): Phase[] {
  const names = list.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(PHASES as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) throw new Error(`--phases takes a list of ${PHASES.join(', ')}; got ${list}\n${USAGE}`);
  return PHASES.filter((phase) => names.includes(phase));
}
