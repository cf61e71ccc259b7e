import { parseUsd } from '../../common/money/usd-amount';
import { AppError } from '../../common/errors/app-error';

/** `"-3.5"` → `-3500000n`: a signed USD amount with at most 6 decimals, exactly. */
export function parseSignedUsd(text: string): bigint {
  const negative = text.startsWith('-');
  const micros = parseUsd(negative ? text.slice(1) : text, 6);
  if (micros === null || micros === 0n) throw AppError.invalidRequest('amountUsd must be a non-zero USD amount', 'amountUsd');
  return negative ? -micros : micros;
}
