/**
 * Format of the gateway's own model catalog seed (apps/api/src/modules/models/seed/), written by
 * tools/catalog-import and loaded into the database at boot. Prices are integer micro-USD per
 * 1,000,000 tokens; each model keeps every price version it ever had, oldest first.
 */

export interface SeedLongContextTier {
  /** The tier applies to the whole request when its input exceeds this many tokens. */
  aboveInputTokens: number;
  inputMicrosPerMTok: number;
  outputMicrosPerMTok: number;
  cachedInputMicrosPerMTok: number | null;
}

export interface SeedPriceVersion {
  /** ISO 8601 instant from which this version applies. */
  effectiveFrom: string;
  inputMicrosPerMTok: number;
  outputMicrosPerMTok: number;
  /** Null: cached input is billed at the input price. */
  cachedInputMicrosPerMTok: number | null;
  cacheWriteMicrosPerMTok: number | null;
  /** Null: reasoning tokens are billed at the output price. */
  reasoningMicrosPerMTok: number | null;
  longContextTiers: SeedLongContextTier[];
}

/** Which endpoint serves a model: chat completions (and the other generation APIs) or embeddings. */
export type ModelKind = 'chat' | 'embedding';

export interface SeedModel {
  id: string;
  /** Absent: 'chat'. Embedding models have a maxOutputTokens of 0 and bill input tokens only. */
  kind?: ModelKind;
  provider: string;
  /** The id sent upstream: everything after the first `/` of `id`. */
  upstreamModel: string;
  name: string;
  ownedBy: string;
  /** Unix seconds (the model's release date), OpenAI's `created`. */
  created: number;
  contextWindow: number;
  maxOutputTokens: number;
  maxInputTokens: number | null;
  supportsTools: boolean;
  supportsVision: boolean;
  supportsReasoning: boolean;
  modalities: string[];
  status: 'ga' | 'beta';
  /** False for models that must not be sold as imported (priced $0, fees the gateway cannot bill). */
  enabled: boolean;
  disabledReason: string | null;
  prices: SeedPriceVersion[];
}

export interface ModelCatalogSeed {
  /** Where the facts came from, for audits and re-syncs. */
  source: { name: string; url: string; license: string; snapshot: string };
  models: SeedModel[];
}
