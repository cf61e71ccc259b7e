import type { GatewayModel, GatewayModelPricing } from '@apilink/contracts';
import type { ActiveModel } from '../active-model';
import { microsPerMTokToUsdPerToken } from './micros-decimal';

/** An active model as `GET /v1/models` shows it; prices are the base (short-context) version. */
export function toGatewayModel({ model, price }: ActiveModel): GatewayModel {
  const pricing: GatewayModelPricing = {
    prompt: microsPerMTokToUsdPerToken(price.inputMicrosPerMTok),
    completion: microsPerMTokToUsdPerToken(price.outputMicrosPerMTok),
  };
  if (price.cachedInputMicrosPerMTok !== null) pricing.input_cache_read = microsPerMTokToUsdPerToken(price.cachedInputMicrosPerMTok);
  if (price.cacheWriteMicrosPerMTok !== null) pricing.input_cache_write = microsPerMTokToUsdPerToken(price.cacheWriteMicrosPerMTok);
  if (price.reasoningMicrosPerMTok !== null) pricing.internal_reasoning = microsPerMTokToUsdPerToken(price.reasoningMicrosPerMTok);
  return {
    id: model.id,
    object: 'model',
    created: model.created,
    owned_by: model.ownedBy,
    name: model.name,
    kind: model.kind,
    context_window: model.contextWindow,
    context_length: model.contextWindow,
    max_output_tokens: model.maxOutputTokens,
    pricing,
    capabilities: { tools: model.supportsTools, vision: model.supportsVision, reasoning: model.supportsReasoning },
    top_provider: { context_length: model.contextWindow, max_completion_tokens: model.maxOutputTokens },
  };
}
