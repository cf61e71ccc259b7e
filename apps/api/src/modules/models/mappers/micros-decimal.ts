/** Exact decimal strings of integer micro-USD prices, for API responses (no float ever touches money). */

function scaledDecimal(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Micro-USD per 1M tokens → USD per 1M tokens, e.g. 2500000n → "2.5". */
export function microsPerMTokToUsdPerMTok(micros: bigint): string {
  return scaledDecimal(micros, 6);
}

/** Micro-USD per 1M tokens → USD per token (OpenRouter's `pricing` unit), e.g. 2500000n → "0.0000025". */
export function microsPerMTokToUsdPerToken(micros: bigint): string {
  return scaledDecimal(micros, 12);
}
