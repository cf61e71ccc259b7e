/** The dashboard's Models page (`GET /api/models`): prices per 1M tokens, as a customer compares them. */

/** USD per 1,000,000 tokens as decimal strings (exact: derived from integer micro-USD). */
export interface CatalogModelPrices {
  input: string;
  output: string;
  /** Null when cached input is billed at the input price. */
  cachedInput: string | null;
  cacheWrite: string | null;
  /** Null when reasoning tokens are billed at the output price. */
  reasoning: string | null;
}

export interface CatalogModel {
  id: string;
  name: string;
  provider: string;
  ownedBy: string;
  contextWindow: number;
  maxOutputTokens: number;
  capabilities: { tools: boolean; vision: boolean; reasoning: boolean };
  /** Input modalities: text, image, audio, video, pdf. */
  modalities: string[];
  pricesPerMTokUsd: CatalogModelPrices;
}

export interface CatalogModelList {
  data: CatalogModel[];
}
