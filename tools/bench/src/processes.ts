/** The mock upstream and the gateway as child processes, so each has its own CPU time and RSS. */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
const NODE_TS = ['-r', '@swc-node/register'];

export interface Child {
  process: ChildProcess;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
  };
}

/** Starts tools/mock-upstream and resolves with its base URL once it listens. */
export async function startMock(options: { apiKey: string; chunks: number }): Promise<Child & { url: string }> {
  const child = spawn(
    process.execPath,
    [
      ...NODE_TS,
      'tools/mock-upstream/src/cli.ts',
      '--protocol',
      'openai',
      '--port',
      '0',
      '--api-key',
      options.apiKey,
      '--chunks',
      String(options.chunks),
    ],
    { cwd: REPO_ROOT, env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (data: Buffer) => {
      output += data.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`mock upstream exited (${code}) before listening`)));
  });
  return { process: child, url, stop: stopper(child) };
}

/** Starts the gateway's built entry (`entry`, a main.js) with `env`, optionally profiling it, and waits for /readyz. */
export async function startGateway(
  env: Record<string, string>,
  options: { port: number; entry: string; cwd: string; cpuProfileDir?: string; logFile?: string },
): Promise<Child> {
  const profiling = options.cpuProfileDir
    ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir, ...NODE_TS, '-r', path.join(REPO_ROOT, 'tools/bench/src/exit-on-sigterm.ts')]
    : [];
  // The same V8 flags as `npm start` and the Docker image.
  const child = spawn(process.execPath, ['--max-semi-space-size=8', ...profiling, options.entry], {
    cwd: options.cwd,
    // MALLOC_ARENA_MAX as the Docker image and the cluster's workers run (unless the caller sets it).
    env: {
      MALLOC_ARENA_MAX: '2',
      ...process.env,
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      ...env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
    },
    // Logs are produced (their cost is part of the measurement) but not shown unless kept in a file.
    stdio: ['ignore', options.logFile ? openSync(options.logFile, 'w') : 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gateway exited (${child.exitCode}) during start-up`);
    try {
      const response = await fetch(`http://127.0.0.1:${options.port}/readyz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('gateway did not become ready within 120 s');
    await sleep(250);
  }
  return { process: child, stop: stopper(child) };
}

/** A process and its descendants (the workers of `WORKERS=N`), from Linux /proc. */
export function processTree(pid: number): number[] {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${pids[i]}/task`)) {
        const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(' ').map(Number));
      }
    } catch {
      // the process is gone
    }
  }
  return pids;
}

/** Resident set size of a process and its descendants in MB (Linux /proc). */
export function rssMb(pid: number): number {
  let total = 0;
  for (const each of processTree(pid)) {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${each}/status`, 'utf8'));
    if (match) total += Number(match[1]) / 1024;
  }
  return total;
}

/** CPU seconds a process and its live descendants have used so far, in user space and in the kernel (Linux /proc). */
export interface CpuTimes {
  user: number;
  system: number;
}

export function cpuTimes(pid: number): CpuTimes {
  const times = { user: 0, system: 0 };
  for (const each of processTree(pid)) {
    try {
      const fields = readFileSync(`/proc/${each}/stat`, 'utf8').split(') ')[1].split(' ');
      // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
      times.user += Number(fields[11]) / 100;
      times.system += Number(fields[12]) / 100;
    } catch {
      // the process is gone
    }
  }
  return times;
}

/** Measures the CPU a process uses from now until the returned function is called. */
export function cpuMeter(pid: number): () => CpuTimes {
  const before = cpuTimes(pid);
  return () => {
    const after = cpuTimes(pid);
    return { user: after.user - before.user, system: after.system - before.system };
  };
}

/** Samples a process's RSS until stopped; returns the peak. */
export function sampleRss(pid: number, everyMs = 100): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      // the process is gone
    }
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/** Runs the operator CLI (its built `entry`) with `--json` and returns its parsed output. */
export async function runCli(entry: string, args: string[], env: Record<string, string>): Promise<unknown> {
  const child = spawn(process.execPath, [entry, ...args, '--json'], {
    cwd: REPO_ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`cli ${args[0]} failed: ${stderr.trim() || stdout.trim()}`);
  return JSON.parse(stdout);
}
