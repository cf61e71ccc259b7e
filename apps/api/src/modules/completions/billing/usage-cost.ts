/**
 * The cost a client is shown as `usage.cost`: the upstream's usage priced exactly as settlement
 * prices it (same tiers, same rounding), as a USD decimal string with micro-dollar precision.
 */
import { formatUsd } from '../../billing/pricing/usd-amount';
import { tokenPricesFor } from '../../models/pricing/token-prices';
import type { UpstreamUsage } from '../adapters/upstream-adapter';
import type { AdmittedRequest } from '../admission/request-admission';
import { actualCostMicros, breakdownOf } from './completion-cost';

export function usageCostUsd(admitted: AdmittedRequest, usage: UpstreamUsage): string {
  const breakdown = breakdownOf(usage);
  return formatUsd(actualCostMicros(tokenPricesFor(admitted.active.price, breakdown.promptTokens), breakdown));
}
