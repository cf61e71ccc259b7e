import type { UpstreamAccount } from '@apilink/contracts';
import type { UpstreamAccountEntity } from '../entities/upstream-account.entity';

/** The admin view of an account (also its audit snapshot): the API key only as its last 4 characters. */
export function toUpstreamAccount(entity: UpstreamAccountEntity): UpstreamAccount {
  return {
    id: entity.id,
    name: entity.name,
    protocol: entity.protocol,
    baseUrl: entity.baseUrl,
    apiKeyLast4: entity.apiKeyLast4,
    quirksPreset: entity.quirksPreset,
    quirks: entity.quirks,
    timeoutMs: entity.timeoutMs,
    enabled: entity.enabled,
    models: [...(entity.routes ?? [])]
      .sort((a, b) => a.priority - b.priority || a.modelId.localeCompare(b.modelId))
      .map((route) => ({ model: route.modelId, upstreamModel: route.upstreamModel, priority: route.priority })),
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
