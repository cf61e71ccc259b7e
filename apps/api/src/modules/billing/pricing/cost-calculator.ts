/**
 * The one rounding rule for usage charges: cost = ceil(tokens × price / 1,000,000) micro-USD,
 * with prices in integer micro-USD per 1,000,000 tokens. Apply it once per priced component
 * (input, cached input, output, ...) and add the results; never round a sum of fractions
 * elsewhere. Rounding up means a charge is never below list price and any non-zero usage of a
 * priced model costs at least 1 micro-USD (a request is never silently free).
 */
export function costFor(tokens: number | bigint, pricePerMTokMicros: bigint): bigint {
  const count = typeof tokens === 'bigint' ? tokens : toTokenCount(tokens);
  if (count < 0n) throw new RangeError(`Token count must not be negative: ${count}`);
  if (pricePerMTokMicros < 0n) throw new RangeError(`Price must not be negative: ${pricePerMTokMicros}`);
  return (count * pricePerMTokMicros + TOKENS_PER_PRICE_UNIT - 1n) / TOKENS_PER_PRICE_UNIT;
}

const TOKENS_PER_PRICE_UNIT = 1_000_000n;

function toTokenCount(tokens: number): bigint {
  if (!Number.isSafeInteger(tokens)) throw new RangeError(`Token count must be an integer: ${tokens}`);
  return BigInt(tokens);
}
