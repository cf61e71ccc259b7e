import type { ModelPriceVersion } from '../../billing/pricing/price-version';
import type { CatalogModelRecord } from '../catalog-model-record';
import type { ModelPriceEntity } from '../entities/model-price.entity';
import type { ModelEntity } from '../entities/model.entity';

export function toPriceVersion(entity: ModelPriceEntity): ModelPriceVersion {
  return {
    effectiveFrom: entity.effectiveFrom,
    inputMicrosPerMTok: entity.inputMicrosPerMTok,
    outputMicrosPerMTok: entity.outputMicrosPerMTok,
    cachedInputMicrosPerMTok: entity.cachedInputMicrosPerMTok,
    cacheWriteMicrosPerMTok: entity.cacheWriteMicrosPerMTok,
    reasoningMicrosPerMTok: entity.reasoningMicrosPerMTok,
    longContextTiers: entity.longContextTiers.map((tier) => ({
      aboveInputTokens: tier.aboveInputTokens,
      inputMicrosPerMTok: BigInt(tier.inputMicrosPerMTok),
      outputMicrosPerMTok: BigInt(tier.outputMicrosPerMTok),
      cachedInputMicrosPerMTok: tier.cachedInputMicrosPerMTok === null ? null : BigInt(tier.cachedInputMicrosPerMTok),
    })),
  };
}

/** `prices` must be this model's versions; they are kept oldest first. */
export function toCatalogModelRecord(entity: ModelEntity, prices: ModelPriceEntity[]): CatalogModelRecord {
  return {
    id: entity.id,
    kind: entity.kind,
    provider: entity.provider,
    upstreamModel: entity.upstreamModel,
    name: entity.name,
    ownedBy: entity.ownedBy,
    created: Math.floor(entity.releasedAt.getTime() / 1000),
    contextWindow: entity.contextWindow,
    maxOutputTokens: entity.maxOutputTokens,
    maxInputTokens: entity.maxInputTokens,
    supportsTools: entity.supportsTools,
    supportsVision: entity.supportsVision,
    supportsReasoning: entity.supportsReasoning,
    modalities: entity.modalities,
    enabled: entity.enabled,
    aliases: entity.aliases,
    defaultMaxOutputTokens: entity.defaultMaxOutputTokens,
    prices: prices.map(toPriceVersion).sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime()),
  };
}
