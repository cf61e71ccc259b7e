/** USD amounts as the staff API takes them: decimal strings, never floats. */
import { parseUsdInput } from '../../../lib/format';

/** `2500000n` → `"2.5"`: exact, trailing zeros trimmed, for prefilling a form. */
export function microsToUsdDecimal(micros: string | bigint): string {
  const value = BigInt(micros);
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const fraction = (absolute % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${absolute / 1_000_000n}${fraction ? `.${fraction}` : ''}`;
}

/** What a person typed (`$1,000.5`) as the API's decimal string (`"1000.5"`), or null when it is not an amount. */
export function usdInputToDecimal(input: string): string | null {
  const micros = parseUsdInput(input);
  return micros === null ? null : microsToUsdDecimal(micros);
}
