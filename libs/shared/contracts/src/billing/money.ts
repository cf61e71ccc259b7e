/**
 * How money travels in JSON. Amounts are integer micro-USD (1 USD = 1,000,000) in the database and
 * in code; over the internal API they are decimal strings so no client ever rounds them through a
 * float, paired with a display value in USD.
 */
export interface Money {
  /** Integer micro-USD as a decimal string, e.g. "-1500000". */
  micros: string;
  /** The same amount in USD with 6 decimals, e.g. "-1.500000". */
  usd: string;
}

export const MICROS_PER_USD = 1_000_000;
