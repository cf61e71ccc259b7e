/** The in-memory form of a catalog model and its price versions (the cache's unit; never an entity). */
import type { ModelKind, SeedModel } from '@apilink/contracts';
import type { ModelPriceVersion } from '../billing/pricing/price-version';

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
