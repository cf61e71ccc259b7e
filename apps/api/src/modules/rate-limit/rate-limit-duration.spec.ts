import { formatRateLimitDuration } from './rate-limit-duration';

describe('formatRateLimitDuration', () => {
  it.each([
    [0, '0ms'],
    [120, '120ms'],
    [1000, '1s'],
    [1500, '1.5s'],
    [8640, '8.64s'],
    [59_999, '59.999s'],
    [60_000, '1m0s'],
    [360_000, '6m0s'],
    [61_500, '1m1.5s'],
    [3_723_000, '1h2m3s'],
  ])('formats %i ms as %s', (ms, expected) => {
    expect(formatRateLimitDuration(ms)).toBe(expected);
  });
});
