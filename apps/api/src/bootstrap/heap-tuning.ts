/**
 * Keeps the gateway's RSS close to its live heap. The live heap is small (~70 MB) but a busy
 * gateway allocates fast, and V8's defaults let the old generation grow to 2-4x the live heap
 * before a full collection (256 MB before the first one): 350-500 MB of RSS under load. With
 * both settings below the benchmark holds RSS near 250 MB at no measured throughput cost; unlike
 * a --max-old-space-size cap, neither can run the process out of memory when the live set grows.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Call first thing: from each full collection on, the old generation may grow by 30% of what is live. */
export function limitHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=30');
}

/** Call once start-up is done: one full collection sizes the next limit from the live heap. */
export function collectStartupGarbage(): void {
  setFlagsFromString('--expose-gc');
  // The flag exposes gc() only in contexts created after it is set.
  const gc = runInNewContext('gc') as () => void;
  gc();
}
