/**
 * Load shapes of the benchmark, over undici keep-alive pools: a closed loop (N clients, each
 * sending its next request when the last one finished) and an open loop (requests started at a
 * fixed rate whatever the answers do). Latency runs from sending to the last body byte; TTFB to
 * the first body byte (for a stream, the first event).
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { Samples, summarize, type PhaseStats } from './stats';

export interface Target {
  name: string;
  origin: string;
  path: string;
  /** One set per customer; requests take them in turn. */
  headers: Record<string, string>[];
  body: string;
  /** A stream must end with `data: [DONE]` to count as a success. */
  stream: boolean;
}

interface Recorder {
  latency: Samples;
  ttfb: Samples;
  errors: number;
  sent: number;
}

async function once(pool: Pool, target: Target, recorder: Recorder): Promise<void> {
  const started = performance.now();
  try {
    const headers = target.headers[recorder.sent++ % target.headers.length];
    const response = await pool.request({ method: 'POST', path: target.path, headers, body: target.body });
    let firstByte = 0;
    let tail = '';
    for await (const piece of response.body) {
      if (firstByte === 0) firstByte = performance.now();
      if (target.stream) tail = (tail + piece.toString('latin1')).slice(-32);
    }
    const ok = response.statusCode === 200 && (!target.stream || tail.includes('[DONE]'));
    if (!ok) {
      recorder.errors++;
      return;
    }
    const ended = performance.now();
    recorder.latency.add(ended - started);
    recorder.ttfb.add((firstByte || ended) - started);
  } catch {
    recorder.errors++;
  }
}

function newRecorder(): Recorder {
  return { latency: new Samples(), ttfb: new Samples(), errors: 0, sent: 0 };
}

export async function closedLoop(target: Target, options: { concurrency: number; durationMs: number }): Promise<PhaseStats> {
  const pool = new Pool(target.origin, { connections: options.concurrency, keepAliveTimeout: 60_000 });
  const recorder = newRecorder();
  const started = performance.now();
  const deadline = started + options.durationMs;
  const client = async () => {
    while (performance.now() < deadline) await once(pool, target, recorder);
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return summarize(recorder.latency, recorder.ttfb, recorder.errors, seconds);
}

export async function openLoop(target: Target, options: { rate: number; durationMs: number; maxConnections: number }): Promise<PhaseStats> {
  const pool = new Pool(target.origin, { connections: options.maxConnections, keepAliveTimeout: 60_000 });
  const recorder = newRecorder();
  const interval = 1000 / options.rate;
  const total = Math.round((options.durationMs / 1000) * options.rate);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let sent = 0; sent < total;) {
    const due = started + sent * interval;
    const now = performance.now();
    if (due > now) {
      await sleep(Math.max(1, due - now));
      continue;
    }
    // Catch up on every request that is due, so timer jitter does not lower the rate.
    while (sent < total && started + sent * interval <= performance.now()) {
      inFlight.push(once(pool, target, recorder));
      sent++;
    }
  }
  await Promise.all(inFlight);
  // Until the last answer: a target that cannot keep up shows a lower rate, not the offered one.
  const seconds = Math.max(options.durationMs, performance.now() - started) / 1000;
  await pool.close();
  return summarize(recorder.latency, recorder.ttfb, recorder.errors, seconds);
}
