import type { ModelPriceVersion } from './price-version';

/** The price version in force at `at`, or null when the model has none yet (it is then not sold). */
export function priceAt(model: { readonly prices: readonly ModelPriceVersion[] }, at: Date = new Date()): ModelPriceVersion | null {
  const time = at.getTime();
  for (let i = model.prices.length - 1; i >= 0; i--) {
    if (model.prices[i].effectiveFrom.getTime() <= time) return model.prices[i];
  }
  return null;
}
