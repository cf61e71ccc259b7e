import { timingSafeEqual } from 'node:crypto';

/** Whether an Authorization header carries the metrics token (constant time; any header passes when there is no token). */
export function metricsTokenAccepted(header: string | undefined, token: string | null): boolean {
  if (!token) return true;
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
