/**
 * One account's lease as this instance sees it: what PostgreSQL holds for it (`committed`, as it
 * will be once this instance's queued settlements land) and what requests in flight have carved
 * out of that. Pure bookkeeping; the LeaseBook does the database calls.
 */
export type LeaseState = 'open' | 'draining' | 'closed';

/** Stop carving this long before the expiry PostgreSQL knows of: the reaper may expire it then. */
const EXPIRY_MARGIN_MS = 2_000;

export class CreditLease {
  state: LeaseState = 'open';
  lastUsedAt: number;
  private committed: bigint;
  private carved = 0n;
  /** Requests carved and not yet settled, and settlements not yet committed. */
  private inFlight = 0;
  private unflushed = 0;
  /** Carved per second: the current second and the one before (the lease is sized on them). */
  private second: number;
  private carvedThisSecond = 0n;
  private carvedLastSecond = 0n;

  constructor(
    readonly id: string,
    readonly userId: string,
    amountMicros: bigint,
    private expiresAt: number,
    now: number,
  ) {
    this.committed = amountMicros;
    this.lastUsedAt = now;
    this.second = Math.floor(now / 1000);
  }

  /** Held and not carved: what new requests (or a return) can take. */
  get free(): bigint {
    return this.committed - this.carved;
  }

  /** Nothing in flight on it: it can be closed without a settlement finding it gone. */
  get idle(): boolean {
    return this.inFlight === 0 && this.unflushed === 0;
  }

  get expiresAtMs(): number {
    return this.expiresAt;
  }

  expiresWithin(ms: number, now: number): boolean {
    return this.expiresAt - now < ms;
  }

  /** Takes `amount` for one request when the lease is open, unexpired and covers it. */
  tryCarve(amount: bigint, now: number): boolean {
    if (this.state !== 'open' || this.free < amount || this.expiresAt - now < EXPIRY_MARGIN_MS) return false;
    this.carved += amount;
    this.inFlight++;
    this.lastUsedAt = now;
    this.roll(now);
    this.carvedThisSecond += amount;
    return true;
  }

  /** A request settled: its slice comes back, less what the capture takes out of the lease. */
  settled(slice: bigint, costMicros: bigint): void {
    this.carved -= slice;
    this.committed -= costMicros < slice ? costMicros : slice;
    this.inFlight--;
    this.unflushed++;
  }

  /** That settlement committed (or failed for good). */
  flushed(): void {
    this.unflushed--;
  }

  granted(amount: bigint, expiresAt: number): void {
    this.committed += amount;
    this.expiresAt = expiresAt;
  }

  returned(amount: bigint): void {
    this.committed -= amount;
  }

  /** Carved over about the last second or two, at its per-second peak: what 2 s of traffic needs. */
  recentSpend(now: number): bigint {
    this.roll(now);
    const peak = this.carvedThisSecond > this.carvedLastSecond ? this.carvedThisSecond : this.carvedLastSecond;
    return 2n * peak;
  }

  private roll(now: number): void {
    const second = Math.floor(now / 1000);
    if (second === this.second) return;
    this.carvedLastSecond = second === this.second + 1 ? this.carvedThisSecond : 0n;
    this.carvedThisSecond = 0n;
    this.second = second;
  }
}
