import type { UsageRecord } from '@apilink/contracts';
import type { UsageRecordEntity } from '../entities/usage-record.entity';
import { toMoney } from '../../../common/money/money.mapper';

export function toUsageRecord(entity: UsageRecordEntity): UsageRecord {
  return {
    requestId: entity.requestId,
    keyId: entity.keyId,
    model: entity.model,
    provider: entity.provider,
    promptTokens: entity.promptTokens,
    completionTokens: entity.completionTokens,
    cachedTokens: entity.cachedTokens,
    cost: toMoney(entity.costMicros),
    uncollected: toMoney(entity.uncollectedMicros),
    estimated: entity.estimated,
    status: entity.status,
    httpStatus: entity.httpStatus,
    errorCode: entity.errorCode,
    latencyMs: entity.latencyMs,
    ttftMs: entity.ttftMs,
    createdAt: entity.createdAt.toISOString(),
  };
}
