import type { ModelPriceVersion } from '../billing/pricing/price-version';
import type { CatalogModelRecord } from './catalog-model-record';
import type { ModelRoute } from '../upstreams/routing/model-route';

/** A model that can be served right now: enabled, priced and routed to at least one upstream. */
export interface ActiveModel {
  model: CatalogModelRecord;
  price: ModelPriceVersion;
  /** In priority order; never empty. */
  routes: ModelRoute[];
}
