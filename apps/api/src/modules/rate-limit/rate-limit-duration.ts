/**
 * Formats a duration the way OpenAI's x-ratelimit-reset-* headers do (Go's time.Duration style:
 * `120ms`, `1s`, `1.5s`, `6m0s`, `1h2m3s`), which the official SDKs parse.
 */
export function formatRateLimitDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  if (total < 1000) return `${total}ms`;
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = (total % 60_000) / 1000;
  const secondsText = `${Number(seconds.toFixed(3))}s`;
  if (hours > 0) return `${hours}h${minutes}m${secondsText}`;
  if (minutes > 0) return `${minutes}m${secondsText}`;
  return secondsText;
}
