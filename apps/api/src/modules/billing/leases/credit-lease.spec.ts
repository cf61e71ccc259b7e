import { CreditLease } from './credit-lease';

describe('CreditLease', () => {
  const now = 1_000_000;

  it('carves holds while it covers them and takes captures out of the lease, never more than the slice', () => {
    const lease = new CreditLease('l1', 'u1', 1_000n, now + 30_000, now);
    expect(lease.tryCarve(400n, now)).toBe(true);
    expect(lease.tryCarve(400n, now)).toBe(true);
    expect(lease.tryCarve(400n, now)).toBe(false);
    expect(lease.free).toBe(200n);
    lease.settled(400n, 150n);
    expect(lease.free).toBe(450n);
    lease.settled(400n, 900n);
    expect(lease.free).toBe(450n);
    expect(lease.idle).toBe(false);
    lease.flushed();
    lease.flushed();
    expect(lease.idle).toBe(true);
  });

  it('refuses to carve once draining or close to its expiry', () => {
    const lease = new CreditLease('l1', 'u1', 1_000n, now + 3_000, now);
    expect(lease.tryCarve(10n, now)).toBe(true);
    expect(lease.tryCarve(10n, now + 1_500)).toBe(false);
    lease.granted(0n, now + 30_000);
    expect(lease.tryCarve(10n, now + 1_500)).toBe(true);
    lease.state = 'draining';
    expect(lease.tryCarve(10n, now + 1_500)).toBe(false);
  });

  it('sizes on the last second or two of carving', () => {
    const lease = new CreditLease('l1', 'u1', 10_000n, now + 30_000, now);
    for (let i = 0; i < 10; i++) lease.tryCarve(100n, now + i * 10);
    expect(lease.recentSpend(now + 500)).toBe(2_000n);
    expect(lease.recentSpend(now + 1_500)).toBe(2_000n);
    expect(lease.recentSpend(now + 3_500)).toBe(0n);
  });
});
