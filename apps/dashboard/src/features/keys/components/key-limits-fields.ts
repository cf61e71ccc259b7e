/** Turns the key form's text inputs into the API's limits, or says which field is wrong. */
import { parseUsdInput } from '../../../lib/format';

export interface KeyLimitsInput {
  rpm: string;
  expiresOn: string;
  spendCapUsd: string;
}

export interface KeyLimits {
  rpmLimit: number | null;
  expiresAt: string | null;
  spendCapMicros: string | null;
}

export type KeyLimitErrors = Partial<Record<keyof KeyLimitsInput, string>>;

/** A date picked in the form means "usable through that whole day" in the customer's time zone. */
function endOfLocalDay(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year, month - 1, day, 23, 59, 59, 999);
}

export function parseKeyLimits(input: KeyLimitsInput, now = new Date()): { limits?: KeyLimits; errors: KeyLimitErrors } {
  const errors: KeyLimitErrors = {};
  let rpmLimit: number | null = null;
  if (input.rpm.trim()) {
    const rpm = Number(input.rpm);
    if (!Number.isInteger(rpm) || rpm < 1) errors.rpm = 'Enter a whole number of requests per minute (1 or more).';
    else rpmLimit = rpm;
  }
  let expiresAt: string | null = null;
  if (input.expiresOn) {
    const end = endOfLocalDay(input.expiresOn);
    if (Number.isNaN(end.getTime())) errors.expiresOn = 'Pick a valid date.';
    else if (end <= now) errors.expiresOn = 'Pick a date in the future.';
    else expiresAt = end.toISOString();
  }
  let spendCapMicros: string | null = null;
  if (input.spendCapUsd.trim()) {
    const micros = parseUsdInput(input.spendCapUsd);
    if (micros === null || micros <= 0n) errors.spendCapUsd = 'Enter an amount in dollars, like 25 or 12.50.';
    else spendCapMicros = micros.toString();
  }
  return Object.keys(errors).length ? { errors } : { limits: { rpmLimit, expiresAt, spendCapMicros }, errors };
}
