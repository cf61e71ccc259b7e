import type { AuditLogEntry, UserRole } from '@apilink/contracts';
import type { AuditLogEntryEntity } from '../entities/audit-log-entry.entity';

export function toAuditLogEntry(entity: AuditLogEntryEntity): AuditLogEntry {
  return {
    id: entity.id,
    actor: {
      type: entity.actorType,
      userId: entity.actorId,
      label: entity.actorLabel,
      role: entity.actorRole as UserRole | null,
    },
    action: entity.action,
    targetType: entity.targetType,
    targetId: entity.targetId,
    before: entity.before ?? null,
    after: entity.after ?? null,
    reason: entity.reason,
    requestId: entity.requestId,
    createdAt: entity.createdAt.toISOString(),
  };
}
