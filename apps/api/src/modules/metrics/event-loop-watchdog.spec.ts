import { Logger } from '@nestjs/common';
import { Registry } from 'prom-client';
import { EventLoopWatchdog } from './event-loop-watchdog';

/** Holds the event loop for `ms`, as a synchronous computation would. */
function blockFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
}

const nextTicks = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('EventLoopWatchdog', () => {
  let registry: Registry;
  let watchdog: EventLoopWatchdog;
  let warn: jest.SpyInstance;
  beforeEach(() => {
    registry = new Registry();
    watchdog = new EventLoopWatchdog(registry);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    watchdog.onApplicationShutdown();
    warn.mockRestore();
  });

  const stallCount = async () => Number(/^apilink_event_loop_stall_seconds_count (\d+)$/m.exec(await registry.metrics())?.[1]);

  it('logs a warning and counts a stall when the loop was blocked for more than 200 ms', async () => {
    watchdog.onApplicationBootstrap();
    await nextTicks(120);
    blockFor(400);
    await nextTicks(120);
    // At least this stall (a machine this loaded may starve the process once more on its own).
    expect(await stallCount()).toBeGreaterThanOrEqual(1);
    const calls = warn.mock.calls as [{ blockedMs: number }, string][];
    expect(calls.map(([fields]) => fields.blockedMs).some((ms) => ms >= 400)).toBe(true);
    expect(calls[0][1]).toMatch(/^The event loop was blocked for about \d+ ms$/);
  });

  it('stops with the application', async () => {
    watchdog.onApplicationBootstrap();
    await nextTicks(60);
    watchdog.onApplicationShutdown();
    blockFor(300);
    await nextTicks(120);
    expect(await stallCount()).toBe(0);
    expect(warn).not.toHaveBeenCalled();
  });
});
