import type { AdminModel, AdminModelPrice, GatewayModelCapabilities } from '@apilink/contracts';
import { toMoney } from '../../../common/money/money.mapper';
import { priceAt } from '../../billing/pricing/price-at';
import type { ModelPriceVersion } from '../../billing/pricing/price-version';
import type { CatalogModelRecord } from '../../models/catalog-model-record';
import type { ModelRoute } from '../../upstreams/routing/model-route';

const optionalMoney = (micros: bigint | null) => (micros === null ? null : toMoney(micros));

export function toAdminModelPrice(price: ModelPriceVersion): AdminModelPrice {
  return {
    effectiveFrom: price.effectiveFrom.toISOString(),
    inputPerMTok: toMoney(price.inputMicrosPerMTok),
    outputPerMTok: toMoney(price.outputMicrosPerMTok),
    cachedInputPerMTok: optionalMoney(price.cachedInputMicrosPerMTok),
    cacheWritePerMTok: optionalMoney(price.cacheWriteMicrosPerMTok),
    reasoningPerMTok: optionalMoney(price.reasoningMicrosPerMTok),
    longContextTiers: price.longContextTiers.map((tier) => ({
      aboveInputTokens: tier.aboveInputTokens,
      inputPerMTok: toMoney(tier.inputMicrosPerMTok),
      outputPerMTok: toMoney(tier.outputMicrosPerMTok),
      cachedInputPerMTok: optionalMoney(tier.cachedInputMicrosPerMTok),
    })),
  };
}

export function toAdminModelCapabilities(model: CatalogModelRecord): GatewayModelCapabilities {
  return { tools: model.supportsTools, vision: model.supportsVision, reasoning: model.supportsReasoning };
}

/** `routes` are the model's configured upstreams; `active` whether it is served now. */
export function toAdminModel(model: CatalogModelRecord, routes: readonly ModelRoute[], active: boolean, now = new Date()): AdminModel {
  const current = priceAt(model, now);
  return {
    id: model.id,
    name: model.name,
    provider: model.provider,
    upstreamModel: model.upstreamModel,
    enabled: model.enabled,
    active,
    upstreams: routes.map((route) => route.account.id),
    contextWindow: model.contextWindow,
    maxOutputTokens: model.maxOutputTokens,
    aliases: model.aliases,
    defaultMaxOutputTokens: model.defaultMaxOutputTokens,
    capabilities: toAdminModelCapabilities(model),
    currentPrice: current ? toAdminModelPrice(current) : null,
    priceHistory: [...model.prices].reverse().map(toAdminModelPrice),
  };
}
