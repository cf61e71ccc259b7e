/**
 * USD (as the source writes it, a JSON number per 1M tokens) to integer micro-USD. Source prices
 * have at most six decimals, so scaling and rounding is exact; anything finer is refused rather
 * than silently rounded, because a price is money.
 */
export function usdToMicros(usd: number, label: string): number {
  if (!Number.isFinite(usd) || usd < 0) throw new Error(`${label}: price must be a non-negative number, got ${usd}`);
  const scaled = usd * 1_000_000;
  const micros = Math.round(scaled);
  if (Math.abs(scaled - micros) > 1e-6) throw new Error(`${label}: ${usd} USD has more precision than a micro-dollar`);
  if (!Number.isSafeInteger(micros)) throw new Error(`${label}: ${usd} USD is too large`);
  return micros;
}

export function optionalUsdToMicros(usd: number | null | undefined, label: string): number | null {
  return usd === null || usd === undefined ? null : usdToMicros(usd, label);
}
