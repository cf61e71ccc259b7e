/**
 * Price versions are append-only: a re-import keeps every earlier version and adds one only when
 * the price changed, so charges made under an old price stay reproducible.
 */
import type { SeedPriceVersion } from '@apilink/contracts';
import type { PriceFacts } from './seed-model.mapper';

function sameFacts(version: SeedPriceVersion, facts: PriceFacts): boolean {
  const { effectiveFrom: _ignored, ...previous } = version;
  return JSON.stringify(previous) === JSON.stringify(facts);
}

export function mergePriceHistory(previous: SeedPriceVersion[] | undefined, facts: PriceFacts, effectiveFrom: string): SeedPriceVersion[] {
  const history = previous ?? [];
  const latest = history[history.length - 1];
  if (latest && sameFacts(latest, facts)) return history;
  if (latest && latest.effectiveFrom >= effectiveFrom) {
    throw new Error(`a new price version must start after ${latest.effectiveFrom} (got ${effectiveFrom})`);
  }
  return [...history, { effectiveFrom, ...facts }];
}
