/** Turns one models.dev source row into the gateway's seed model (facts, price, sale decision). */
import type { SeedModel, SeedPriceVersion } from '@apilink/contracts';
import type { CatalogSourceRow } from './catalog-source';
import { optionalUsdToMicros, usdToMicros } from './usd-to-micros';

/** A price version without its date: what the source says today. */
export type PriceFacts = Omit<SeedPriceVersion, 'effectiveFrom'>;

export type SeedModelFacts = Omit<SeedModel, 'prices'> & { price: PriceFacts };

// Fees models.dev lists that per-token billing cannot pass on; selling such a model would lose money.
const UNBILLABLE_EXTRA_COSTS = ['request', 'citation'];

/** Unix seconds of a `YYYY-MM[-DD]` date (first of the month when the day is missing). */
export function releaseTimestamp(date: string | null, fallback: number): number {
  if (!date) return fallback;
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!match) return fallback;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3] ?? '1')) / 1000;
}

export function priceFacts(row: CatalogSourceRow): PriceFacts {
  const label = (field: string) => `${row.id} ${field}`;
  const input = usdToMicros(row.input_price_per_mtok_usd, label('input'));
  // Non-standard keys some providers use for the same thing (Together, MiniMax).
  const cacheRead = row.cache_read_price_per_mtok_usd ?? row.extra_costs?.cached_input ?? null;
  const cacheWrite = row.cache_write_price_per_mtok_usd ?? row.extra_costs?.cached_write ?? null;
  let cachedInput = optionalUsdToMicros(cacheRead, label('cache read'));
  // A $0 cache read on a paid model is a placeholder upstream, not free caching: bill cached input as input.
  if (cachedInput === 0 && input > 0) cachedInput = null;
  return {
    inputMicrosPerMTok: input,
    outputMicrosPerMTok: usdToMicros(row.output_price_per_mtok_usd, label('output')),
    cachedInputMicrosPerMTok: cachedInput,
    cacheWriteMicrosPerMTok: optionalUsdToMicros(cacheWrite, label('cache write')),
    reasoningMicrosPerMTok: optionalUsdToMicros(row.reasoning_price_per_mtok_usd, label('reasoning')),
    longContextTiers: (row.long_context_pricing ?? []).map((tier) => ({
      aboveInputTokens: tier.above_input_tokens,
      inputMicrosPerMTok: usdToMicros(tier.input_price_per_mtok_usd, label('tier input')),
      outputMicrosPerMTok: usdToMicros(tier.output_price_per_mtok_usd, label('tier output')),
      cachedInputMicrosPerMTok: optionalUsdToMicros(tier.cache_read_price_per_mtok_usd, label('tier cache read')),
    })),
  };
}

/** Why a model must not be sold as imported, or null when it may be. */
export function disabledReason(row: CatalogSourceRow): string | null {
  if (row.input_price_per_mtok_usd === 0 || row.output_price_per_mtok_usd === 0) {
    return 'Priced $0 upstream: set a price before selling it';
  }
  const unbillable = Object.keys(row.extra_costs ?? {}).filter((key) => UNBILLABLE_EXTRA_COSTS.includes(key));
  if (unbillable.length > 0) return `Has ${unbillable.join(' and ')} fees that per-token billing cannot charge`;
  return null;
}

export function mapSourceRow(row: CatalogSourceRow, fallbackCreated: number): SeedModelFacts {
  const reason = disabledReason(row);
  return {
    id: row.id,
    provider: row.provider,
    upstreamModel: row.id.slice(row.id.indexOf('/') + 1),
    name: row.name,
    ownedBy: row.provider,
    created: releaseTimestamp(row.release_date, fallbackCreated),
    contextWindow: row.context_window,
    maxOutputTokens: row.max_output_tokens,
    maxInputTokens: row.max_input_tokens ?? null,
    supportsTools: row.supports_tools,
    supportsVision: row.modalities.includes('image'),
    supportsReasoning: row.reasoning,
    modalities: [...row.modalities],
    status: row.status,
    enabled: reason === null,
    disabledReason: reason,
    price: priceFacts(row),
  };
}
