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

const HALF_CENT_MICROS = 5_000n;
const MICROS_PER_CENT = 10_000n;

/**
 * Money as the dashboard shows it, for people reading the CLI: to the cent, half a cent rounded
 * away from zero, thousands grouped (`$1,024.99`), `<$0.01` for a non-zero amount that rounds to
 * nothing. Where the cents are not exact, the exact figure follows in parentheses (the dashboard's
 * tooltip): `$24.99 (exactly $24.994985)`. `--json` carries the micro-USD themselves.
 */
export function formatUsdForPeople(micros: bigint): string {
  const sign = micros < 0n ? '-' : '';
  const abs = micros < 0n ? -micros : micros;
  const cents = (abs + HALF_CENT_MICROS) / MICROS_PER_CENT;
  const rounded =
    abs > 0n && cents === 0n
      ? `${sign}<$0.01`
      : `${sign}$${groupThousands((cents / 100n).toString())}.${(cents % 100n).toString().padStart(2, '0')}`;
  return abs % MICROS_PER_CENT === 0n ? rounded : `${rounded} (exactly ${sign}$${formatUsd(abs)})`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
