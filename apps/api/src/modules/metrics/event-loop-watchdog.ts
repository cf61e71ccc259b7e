/**
 * Notices when the event loop was blocked: a timer that should fire every CHECK_INTERVAL_MS came
 * late by more than BLOCKED_THRESHOLD_MS. Each such stall is logged as a warning and counted in a
 * histogram, so an instance that stops answering says why in its own log. The delay distribution
 * itself is prom-client's default `apilink_process_nodejs_eventloop_lag_*` gauges
 * (perf_hooks.monitorEventLoopDelay, reset at each scrape).
 */
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics.registry';

/** How often the timer expects to run: a stall is seen at most this much later than it ended. */
const CHECK_INTERVAL_MS = 50;
/** Gaps between ticks above this are stalls (any block longer than this is seen; one down to threshold − interval may be). */
export const BLOCKED_THRESHOLD_MS = 200;

@Injectable()
export class EventLoopWatchdog implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventLoopWatchdog.name);
  private readonly stalls: Histogram;
  private timer: NodeJS.Timeout | null = null;
  private lastTick = 0;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.stalls = new Histogram({
      name: 'apilink_event_loop_stall_seconds',
      help: `Times the event loop was blocked for more than ${BLOCKED_THRESHOLD_MS} ms, by how long (up to ${CHECK_INTERVAL_MS} ms over)`,
      buckets: [0.2, 0.5, 1, 2, 5, 10, 30, 60],
      registers: [registry],
    });
  }

  onApplicationBootstrap(): void {
    // Measured from the first tick on: the synchronous end of the boot (Fastify readying its routes,
    // ~300-600 ms here) happens before the instance serves anything, and is not a stall.
    this.lastTick = 0;
    this.timer = setInterval(() => this.tick(), CHECK_INTERVAL_MS);
    // Never what keeps a process alive.
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One run of the timer: how long since the last one says how long the loop could not run it. */
  private tick(): void {
    const now = performance.now();
    const gapMs = this.lastTick === 0 ? 0 : now - this.lastTick;
    this.lastTick = now;
    if (gapMs <= BLOCKED_THRESHOLD_MS) return;
    this.stalls.observe(gapMs / 1000);
    this.logger.warn({ blockedMs: Math.round(gapMs) }, `The event loop was blocked for about ${Math.round(gapMs)} ms`);
  }
}
