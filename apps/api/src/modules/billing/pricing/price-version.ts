/** A model's prices as billing reads them: integer micro-USD per 1,000,000 tokens (the catalog stores and serves them). */

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
