import type { BalanceResponse, CreditsResponse } from '@apilink/contracts';
import type { AccountBalance } from '../ledger/balance.service';
import { formatUsd } from '../../../common/money/usd-amount';
import { toMoney } from '../../../common/money/money.mapper';

/** JSON numbers are exact up to 2^53 micro-USD (~$9 billion); beyond that refuse rather than round. */
function exactNumber(micros: bigint): number {
  if (micros > BigInt(Number.MAX_SAFE_INTEGER) || micros < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('Amount too large to send as a JSON number');
  }
  return Number(micros);
}

export function toCreditsResponse(balance: AccountBalance): CreditsResponse {
  const credits = formatUsd(balance.totalCreditsMicros);
  const usage = formatUsd(balance.totalUsageMicros);
  return {
    data: {
      // Parsed from the exact decimal text, so the JSON shows the same digits.
      total_credits: Number(credits),
      total_usage: Number(usage),
      total_credits_micros: exactNumber(balance.totalCreditsMicros),
      total_usage_micros: exactNumber(balance.totalUsageMicros),
      balance_micros: exactNumber(balance.balanceMicros),
      held_micros: exactNumber(balance.heldMicros),
      available_micros: exactNumber(balance.availableMicros),
      total_credits_usd: credits,
      total_usage_usd: usage,
      balance_usd: formatUsd(balance.balanceMicros),
      held_usd: formatUsd(balance.heldMicros),
      available_usd: formatUsd(balance.availableMicros),
      currency: 'USD',
    },
  };
}

export function toBalanceResponse(balance: AccountBalance): BalanceResponse {
  return {
    balance: toMoney(balance.balanceMicros),
    held: toMoney(balance.heldMicros),
    available: toMoney(balance.availableMicros),
    totalCredits: toMoney(balance.totalCreditsMicros),
    totalUsage: toMoney(balance.totalUsageMicros),
    currency: 'USD',
  };
}
