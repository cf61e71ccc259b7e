/**
 * `usage.cost` as a client is shown it: priced by billing/pricing exactly as settlement captures
 * it (same tiers, same rounding), so the two never disagree.
 */
import { formatUsd } from '../../../common/money/usd-amount';
import { usageCostMicros } from '../../billing/pricing/completion-cost';
import type { UpstreamUsage } from '../adapters/upstream-adapter';
import type { AdmittedRequest } from '../admission/request-admission';
import { breakdownOf } from './token-breakdown';

/** `usage` priced as settlement prices it, as a USD decimal string with micro-dollar precision. */
export function usageCostUsd(admitted: AdmittedRequest, usage: UpstreamUsage): string {
  return formatUsd(usageCostMicros(admitted.active.price, breakdownOf(usage)));
}
