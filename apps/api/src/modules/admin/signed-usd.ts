import { parseUsd } from '../../common/money/usd-amount';
import { AppError } from '../../common/errors/app-error';

/** `"-3.5"` → `-3500000n`: a signed USD amount with at most 6 decimals, exactly. */
export function parseSignedUsd(text: string): bigint {
  const negative = text.startsWith('-');
  const micros = parseUsd(negative ? text.slice(1) : text, 6);
  if (micros === null || micros === 0n) throw AppError.invalidRequest('amountUsd must be a non-zero USD amount', 'amountUsd');
  return negative ? -micros : micros;
}

/** `"25.5"` → `25500000n`: a USD amount of zero or more with at most 6 decimals, exactly; `param` names the field in the 400. */
export function parseUnsignedUsd(text: string, param: string): bigint {
  const micros = parseUsd(text, 6);
  if (micros === null) throw AppError.invalidRequest(`${param} must be a USD amount with at most 6 decimals`, param);
  return micros;
}
