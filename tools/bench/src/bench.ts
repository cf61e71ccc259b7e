/*
 * The gateway's overhead, measured: the same load against the mock upstream directly and through
 * the gateway (a real API key with its rate limit raised, Redis rate limiting, billing on), in one
 * run: non-streaming at a fixed concurrency and at a fixed rate, streaming at a fixed concurrency
 * and at a fixed rate.
 *   npm run bench -- --help
 * Builds the API (tsc, as production runs it) into tmp/bench-build unless --no-build. Needs the
 * local PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/apilink_bench,
 * recreated each run) and, unless --no-redis, Redis (BENCH_REDIS_URL, default redis://127.0.0.1:6379).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { closedLoop, openLoop, type Target } from './load-generator';
import { parseBenchOptions, USAGE, type BenchOptions, type Phase } from './options';
import { cpuMeter, REPO_ROOT, runCli, sampleRss, startGateway, startMock, type Child, type CpuTimes } from './processes';
import { measureFloor } from './floor';
import { exchangeCpuTable, floorTable, markdownTable, type CpuUse, type PhaseResult } from './report';
import type { PhaseStats } from './stats';

/** Where a checkout's API is built for the bench (this one's, or --gateway-checkout's). */
const buildDirOf = (checkout: string) => path.join(checkout, 'tmp/bench-build');
const gatewayEntry = (buildDir: string) => path.join(buildDir, 'apps/api/src/main.js');
const cliEntry = (buildDir: string) => path.join(buildDir, 'apps/api/src/cli.js');
const MOCK_KEY = 'sk-bench-upstream';
const PROMPT = [{ role: 'user', content: 'Write one sentence about benchmarks.' }];
// The bench never runs dry.
const CREDITS_USD = '1000000';

/** Compiles a checkout's API with its own tsc, as production runs it, into its tmp/bench-build. */
function buildApi(checkout: string): void {
  process.stdout.write(`building the API of ${checkout} into tmp/bench-build… `);
  const bin = (name: string) => path.join(checkout, 'node_modules/.bin', name);
  const args = ['-p', 'apps/api/tsconfig.app.json', '--outDir', buildDirOf(checkout)];
  execFileSync(bin('tsc'), args, { cwd: checkout, stdio: 'inherit' });
  execFileSync(bin('tsc-alias'), args, { cwd: checkout, stdio: 'inherit' });
  process.stdout.write('done\n');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function recreateDatabase(url: string, asyncCommit: boolean): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe bench database name ${name}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
    if (asyncCommit) await client.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  } finally {
    await client.end();
  }
}

/** A customer with a key whose rate limit is raised for the bench, and plenty of credits. */
async function provisionCustomer(cli: string, env: Record<string, string>): Promise<string> {
  const email = `bench-${randomUUID()}@bench.apilink.dev`;
  await runCli(cli, ['users:create', '--email', email, '--password', `pw-${randomUUID()}`, '--role', 'customer'], env);
  const created = (await runCli(cli, ['keys:create', '--email', email, '--name', 'bench', '--rpm', '1000000'], env)) as {
    secret: string;
  };
  await runCli(cli, ['credits:grant', '--email', email, '--amount-usd', CREDITS_USD, '--reason', 'benchmark'], env);
  return created.secret;
}

function targets(mockUrl: string, gatewayUrl: string, apiKeys: string[], stream: boolean): { direct: Target; gateway: Target } {
  const mock = new URL(mockUrl);
  const body = (model: string) => JSON.stringify({ model, messages: PROMPT, max_tokens: 256, ...(stream ? { stream: true } : {}) });
  const headers = (key: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${key}` });
  return {
    direct: {
      name: 'direct',
      origin: mock.origin,
      path: `${mock.pathname}/chat/completions`,
      headers: [headers(MOCK_KEY)],
      body: body('gpt-4o-mini'),
      stream,
    },
    gateway: {
      name: 'gateway',
      origin: gatewayUrl,
      path: '/v1/chat/completions',
      headers: apiKeys.map(headers),
      body: body('openai/gpt-4o-mini'),
      stream,
    },
  };
}

async function measure(
  name: string,
  pair: { direct: Target; gateway: Target },
  processes: { gateway: Child; upstream: Child },
  options: BenchOptions,
  run: (target: Target, durationMs: number) => Promise<PhaseStats>,
): Promise<PhaseResult> {
  process.stdout.write(`${name}: warming up… `);
  await run(pair.direct, options.warmupMs);
  await run(pair.gateway, options.warmupMs);
  process.stdout.write('direct… ');
  const upstreamCpu = cpuMeter(processes.upstream.process.pid!);
  // The load generator runs here: its CPU over the direct run is an HTTP client's side of the exchange.
  const clientBefore = process.cpuUsage();
  const direct = await run(pair.direct, options.durationMs);
  const clientUsed = process.cpuUsage(clientBefore);
  const upstreamUsed = upstreamCpu();
  process.stdout.write('gateway… ');
  const pid = processes.gateway.process.pid!;
  const rss = sampleRss(pid);
  const gatewayCpu = cpuMeter(pid);
  const viaGateway = await run(pair.gateway, options.durationMs);
  const gatewayUsed = gatewayCpu();
  const gatewayRssMb = rss.stop();
  process.stdout.write('done\n');
  return {
    name,
    direct,
    gateway: viaGateway,
    gatewayRssMb,
    gatewayCpu: cpuUse(gatewayUsed, viaGateway),
    upstreamCpu: cpuUse(upstreamUsed, direct),
    clientCpu: cpuUse({ user: clientUsed.user / 1e6, system: clientUsed.system / 1e6 }, direct),
  };
}

function cpuUse(used: CpuTimes, stats: PhaseStats): CpuUse {
  const total = used.user + used.system;
  return {
    percent: (total / stats.seconds) * 100,
    usPerRequest: (total / Math.max(1, stats.requests)) * 1e6,
    kernelShare: total > 0 ? used.system / total : 0,
  };
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(USAGE);
  const options = parseBenchOptions(process.argv.slice(2), REPO_ROOT);
  const checkout = options.gatewayCheckout ?? REPO_ROOT;
  if (options.build) buildApi(checkout);
  const buildDir = buildDirOf(checkout);
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/apilink_bench';
  await recreateDatabase(databaseUrl, options.asyncCommit);
  if (options.cpuProfileDir) mkdirSync(options.cpuProfileDir, { recursive: true });

  const children: Child[] = [];
  try {
    const mock = await startMock({ apiKey: MOCK_KEY, chunks: options.chunks });
    children.push(mock);
    const port = await freePort();
    const redisUrl = options.redis ? (process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379') : null;
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      SESSION_SECRET: `${randomUUID()}${randomUUID()}`,
      // Production refuses an open /metrics; the bench never scrapes it.
      METRICS_TOKEN: randomUUID(),
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      DATABASE_MIGRATE_ON_START: 'true',
      WORKERS: String(options.workers),
      OPENAI_API_KEY: MOCK_KEY,
      OPENAI_BASE_URL: mock.url,
      ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `apilink-bench:${randomUUID()}:` } : {}),
    };
    const gateway = await startGateway(env, {
      port,
      entry: gatewayEntry(buildDir),
      // Files the gateway reads by path are its own checkout's.
      cwd: checkout,
      cpuProfileDir: options.cpuProfileDir,
      logFile: options.gatewayLogFile,
    });
    children.push(gateway);
    const apiKeys: string[] = [];
    for (let i = 0; i < options.customers; i++) apiKeys.push(await provisionCustomer(cliEntry(buildDir), env));
    const gatewayUrl = `http://127.0.0.1:${port}`;
    console.log(
      `mock ${mock.url}, gateway ${gatewayUrl}: redis ${options.redis ? 'on' : 'off'}, ${options.asyncCommit ? 'async' : 'durable'} commits, ` +
        `${options.customers} customer(s), ${options.workers} worker(s), ${options.durationMs / 1000} s per phase`,
    );

    // Timed before any load, so nothing else competes for the database, Redis or the cores.
    const floor = await measureFloor(databaseUrl, redisUrl, {
      credit: process.env.BILLING_LEASES !== 'off',
      tokens: process.env.RATE_LIMIT_LEASES !== 'off',
    });

    const plain = targets(mock.url, gatewayUrl, apiKeys, false);
    const streamed = targets(mock.url, gatewayUrl, apiKeys, true);
    const closed = (target: Target, durationMs: number) => closedLoop(target, { concurrency: options.concurrency, durationMs });
    const atRate = (rate: number) => (target: Target, durationMs: number) => openLoop(target, { rate, durationMs, maxConnections: 256 });
    const loads: { phase: Phase; name: string; pair: { direct: Target; gateway: Target }; run: typeof closed }[] = [
      { phase: 'closed', name: `non-stream, ${options.concurrency} concurrent`, pair: plain, run: closed },
      { phase: 'rate', name: `non-stream, ${options.rate} req/s`, pair: plain, run: atRate(options.rate) },
      { phase: 'stream', name: `stream ${options.chunks} chunks, ${options.concurrency} concurrent`, pair: streamed, run: closed },
      {
        phase: 'stream-rate',
        name: `stream ${options.chunks} chunks, ${options.streamRate}/s`,
        pair: streamed,
        run: atRate(options.streamRate),
      },
    ];
    const results: PhaseResult[] = [];
    for (const load of loads.filter(({ phase }) => options.phases.includes(phase))) {
      const result = await measure(load.name, load.pair, { gateway, upstream: mock }, options, load.run);
      results.push(result);
      // The gateway is a second HTTP exchange in the request's path: at least what a direct one costs.
      if (load.phase === 'rate') {
        floor.push({
          name: `a second HTTP exchange (direct at ${options.rate} req/s)`,
          waitedFor: true,
          p50: result.direct.p50,
          p99: result.direct.p99,
        });
      }
    }
    console.log(`\n${markdownTable(results)}\n\n${exchangeCpuTable(results)}\n\n${floorTable(floor)}\n`);
    if (options.jsonFile) {
      mkdirSync(path.dirname(options.jsonFile), { recursive: true });
      writeFileSync(options.jsonFile, JSON.stringify({ options, results, floor }, null, 2));
    }
  } finally {
    for (const child of children.reverse()) await child.stop();
    if (options.cpuProfileDir) console.log(`CPU profile of the gateway written to ${options.cpuProfileDir}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
