/**
 * The cost of a request's usage at its prices (same tiers, same rounding): what settlement
 * captures and what a client is shown as `usage.cost`, computed here for both so they never disagree.
 */
import { formatUsd } from '../../../common/money/usd-amount';
import type { ModelPriceVersion } from '../../models/catalog-model-record';
import { tokenPricesFor } from '../../models/pricing/token-prices';
import type { UpstreamUsage } from '../adapters/upstream-adapter';
import type { AdmittedRequest } from '../admission/request-admission';
import { actualCostMicros, breakdownOf, type TokenBreakdown } from './completion-cost';

export function usageCostMicros(price: ModelPriceVersion, tokens: TokenBreakdown): bigint {
  return actualCostMicros(tokenPricesFor(price, tokens.promptTokens), tokens);
}

/** `usage` priced as settlement prices it, as a USD decimal string with micro-dollar precision. */
export function usageCostUsd(admitted: AdmittedRequest, usage: UpstreamUsage): string {
  return formatUsd(usageCostMicros(admitted.active.price, breakdownOf(usage)));
}
