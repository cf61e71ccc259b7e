/** Display formatting: money arrives as integer micro-USD and is shown without float rounding. */
export type MicroUsd = string | number | bigint;

const MICROS_PER_USD = 1_000_000n;

function toBigInt(value: MicroUsd): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(Math.trunc(value));
  return BigInt(value.trim() || '0');
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * `$12.50`, `$9.999988`, `-$0.000120`: exact micro-dollars, at least `minDecimals` shown and
 * trailing zeros beyond that trimmed, so a tiny charge is visible instead of rounding to $0.00.
 */
export function formatUsd(value: MicroUsd, minDecimals = 2): string {
  const micros = toBigInt(value);
  const negative = micros < 0n;
  const absolute = negative ? -micros : micros;
  const whole = absolute / MICROS_PER_USD;
  let fraction = (absolute % MICROS_PER_USD).toString().padStart(6, '0');
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const text = `$${groupThousands(whole.toString())}${fraction ? `.${fraction}` : ''}`;
  return negative ? `-${text}` : text;
}

/** Whole cents for amounts a person types or pays (`$25.00`). */
export function formatUsdCents(value: MicroUsd): string {
  const micros = toBigInt(value);
  const cents = (micros + (micros >= 0n ? 5_000n : -5_000n)) / 10_000n;
  const negative = cents < 0n;
  const absolute = negative ? -cents : cents;
  const text = `$${groupThousands((absolute / 100n).toString())}.${(absolute % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

const HALF_CENT_MICROS = 5_000n;

/**
 * Balances and totals as people read them: to the cent, in the reader's locale (`$24.99`,
 * `24,99 $US`), with `<$0.01` for a non-zero amount that rounds to nothing. The exact figure goes
 * beside it (the Money component's title); single-request costs keep `formatUsd`.
 */
export function formatMoney(value: MicroUsd, locale?: string): string {
  const micros = toBigInt(value);
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' });
  const absolute = micros < 0n ? -micros : micros;
  if (absolute > 0n && absolute < HALF_CENT_MICROS) return `${micros < 0n ? '-' : ''}<${format.format(0.01)}`;
  const cents = (micros + (micros >= 0n ? HALF_CENT_MICROS : -HALF_CENT_MICROS)) / 10_000n;
  return format.format(Number(cents) / 100);
}

/** Parses a dollar amount typed by a person (`25`, `25.5`, `$1,000.00`) into micro-USD, or null. */
export function parseUsdInput(input: string): bigint | null {
  const cleaned = input.replace(/[$,\s]/g, '');
  const match = /^(\d+)(?:\.(\d{0,6}))?$/.exec(cleaned);
  if (!match) return null;
  return BigInt(match[1]) * MICROS_PER_USD + BigInt((match[2] ?? '').padEnd(6, '0') || '0');
}

const integerFormat = new Intl.NumberFormat('en-US');
const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function formatInteger(value: number | string | bigint): string {
  return integerFormat.format(typeof value === 'string' ? Number(value) : value);
}

export function formatCompact(value: number): string {
  return compactFormat.format(value);
}

const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTimeFormat.format(new Date(iso)) : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateFormat.format(new Date(iso)) : '—';
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** `1 request`, `2 requests`, `1,204 requests`. */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatInteger(count)} ${count === 1 ? singular : plural}`;
}
