/** Latency samples and the summary the benchmark prints. */

export interface PhaseStats {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  /** Milliseconds. */
  p50: number;
  /** The tail in more detail (in the --json output): where p99 comes from. */
  p90: number;
  p99: number;
  p999: number;
  max: number;
  ttfbP50: number;
  ttfbP99: number;
}

/** Nearest-rank percentile of ascending `sorted` (0 < q ≤ 1). */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

/** Append-only sample buffer that grows without reallocating per sample. */
export class Samples {
  private data = new Float64Array(4096);
  private size = 0;

  add(value: number): void {
    if (this.size === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = value;
  }

  get count(): number {
    return this.size;
  }

  sorted(): Float64Array {
    return this.data.slice(0, this.size).sort();
  }
}

export function summarize(latency: Samples, ttfb: Samples, errors: number, seconds: number): PhaseStats {
  const sortedLatency = latency.sorted();
  const sortedTtfb = ttfb.sorted();
  return {
    requests: latency.count,
    errors,
    seconds,
    rps: latency.count / seconds,
    p50: percentile(sortedLatency, 0.5),
    p90: percentile(sortedLatency, 0.9),
    p99: percentile(sortedLatency, 0.99),
    p999: percentile(sortedLatency, 0.999),
    max: percentile(sortedLatency, 1),
    ttfbP50: percentile(sortedTtfb, 0.5),
    ttfbP99: percentile(sortedTtfb, 0.99),
  };
}
