import type { ApiKeyStatus, ApiKeySummary } from '@apilink/contracts';
import type { ApiKeyEntity } from '../entities/api-key.entity';
import { displayKey } from '../key-material';

export function apiKeyStatus(key: Pick<ApiKeyEntity, 'revokedAt' | 'expiresAt'>, now = Date.now()): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && key.expiresAt.getTime() <= now) return 'expired';
  return 'active';
}

export function toApiKeySummary(key: ApiKeyEntity, now = Date.now()): ApiKeySummary {
  return {
    id: key.id,
    name: key.name,
    displayKey: displayKey(key.displayPrefix, key.displaySuffix),
    status: apiKeyStatus(key, now),
    rpmLimit: key.rpmLimit,
    spendCapMicros: key.spendCapMicros?.toString() ?? null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    createdAt: key.createdAt.toISOString(),
  };
}
