import type { CatalogModel } from '@apilink/contracts';
import type { ActiveModel } from '../active-model';
import { microsPerMTokToUsdPerMTok } from './micros-decimal';

function optional(micros: bigint | null): string | null {
  return micros === null ? null : microsPerMTokToUsdPerMTok(micros);
}

/** An active model as the dashboard's Models page shows it: prices per 1M tokens. */
export function toCatalogModel({ model, price }: ActiveModel): CatalogModel {
  return {
    id: model.id,
    name: model.name,
    provider: model.provider,
    ownedBy: model.ownedBy,
    contextWindow: model.contextWindow,
    maxOutputTokens: model.maxOutputTokens,
    capabilities: { tools: model.supportsTools, vision: model.supportsVision, reasoning: model.supportsReasoning },
    modalities: model.modalities,
    pricesPerMTokUsd: {
      input: microsPerMTokToUsdPerMTok(price.inputMicrosPerMTok),
      output: microsPerMTokToUsdPerMTok(price.outputMicrosPerMTok),
      cachedInput: optional(price.cachedInputMicrosPerMTok),
      cacheWrite: optional(price.cacheWriteMicrosPerMTok),
      reasoning: optional(price.reasoningMicrosPerMTok),
    },
  };
}
