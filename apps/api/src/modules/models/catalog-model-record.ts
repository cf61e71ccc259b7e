/** The in-memory form of a catalog model and its price versions (the cache's unit; never an entity). */
import type { ModelKind, SeedModel } from '@apilink/contracts';

export interface LongContextTier {
  aboveInputTokens: number;
  inputMicrosPerMTok: bigint;
  outputMicrosPerMTok: bigint;
  cachedInputMicrosPerMTok: bigint | null;
}

/** One price version, integer micro-USD per 1,000,000 tokens. */
export interface ModelPriceVersion {
  effectiveFrom: Date;
  inputMicrosPerMTok: bigint;
  outputMicrosPerMTok: bigint;
  /** Null: cached input costs the input price. */
  cachedInputMicrosPerMTok: bigint | null;
  cacheWriteMicrosPerMTok: bigint | null;
  /** Null: reasoning tokens cost the output price. */
  reasoningMicrosPerMTok: bigint | null;
  longContextTiers: LongContextTier[];
}

/** A catalog model as served: the seed's facts (whatever their origin) with its price versions. */
export interface CatalogModelRecord extends Omit<SeedModel, 'status' | 'disabledReason' | 'prices' | 'kind'> {
  kind: ModelKind;
  /** Other names clients may ask for (admin-managed); the catalog resolves them to this model. */
  aliases: string[];
  /** Output cap for requests that set none; null: the model's maximum (what the context leaves). */
  defaultMaxOutputTokens: number | null;
  /** Every version, oldest first; future-dated ones apply once their time comes. */
  prices: ModelPriceVersion[];
}
