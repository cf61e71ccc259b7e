/** Exact conversions between integer micro-USD and decimal USD strings (no floats anywhere). */
const MICROS_PER_USD = 1_000_000n;

/** `-1500000n` → `"-1.500000"`: always 6 decimals, so values line up and never lose a micro. */
export function formatUsd(micros: bigint): string {
  const sign = micros < 0n ? '-' : '';
  const abs = micros < 0n ? -micros : micros;
  return `${sign}${abs / MICROS_PER_USD}.${(abs % MICROS_PER_USD).toString().padStart(6, '0')}`;
}

/**
 * `"25"`, `"25.5"`, `"25.50"` → micro-USD. `maxDecimals` limits precision (2 for amounts a person
 * pays, 6 for amounts in micro-USD). Returns null for anything else (signs, exponents, spaces).
 */
export function parseUsd(text: string, maxDecimals = 6): bigint | null {
  const match = new RegExp(`^(\\d{1,12})(?:\\.(\\d{1,${maxDecimals}}))?$`).exec(text);
  if (!match) return null;
  const [, whole, fraction = ''] = match;
  return BigInt(whole) * MICROS_PER_USD + BigInt(fraction.padEnd(6, '0'));
}
