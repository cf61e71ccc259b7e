import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditLogQuery } from '@apilink/contracts';
import type { EntityManager, Repository } from 'typeorm';
import type { AuditContext } from './audit-actor';
import { toAuditJson } from './audit-json';
import { AuditLogEntryEntity } from './entities/audit-log-entry.entity';

export interface AuditRecord {
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface AuditPage {
  entries: AuditLogEntryEntity[];
  total: number;
}

export const AUDIT_DEFAULT_PAGE_SIZE = 50;

/**
 * Writes and reads the append-only audit log. `record` takes the caller's EntityManager so the
 * entry commits or rolls back with the change it describes.
 */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntryEntity) private readonly entries: Repository<AuditLogEntryEntity>) {}

  async record(context: AuditContext, record: AuditRecord, manager?: EntityManager): Promise<AuditLogEntryEntity> {
    const repository = manager ? manager.getRepository(AuditLogEntryEntity) : this.entries;
    const { actor } = context;
    return repository.save(
      repository.create({
        actorType: actor.type,
        actorId: actor.type === 'user' ? actor.userId : null,
        actorLabel: actor.type === 'user' ? actor.email : actor.name,
        actorRole: actor.type === 'user' ? actor.role : null,
        action: record.action,
        targetType: record.targetType,
        targetId: record.targetId,
        before: toAuditJson(record.before),
        after: toAuditJson(record.after),
        reason: record.reason ?? null,
        requestId: context.requestId,
      }),
    );
  }

  /** Newest first; `page` counts from 1. */
  async list(query: AuditLogQuery): Promise<AuditPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? AUDIT_DEFAULT_PAGE_SIZE;
    const builder = this.entries.createQueryBuilder('entry');
    if (query.actorId) builder.andWhere('entry.actorId = :actorId', { actorId: query.actorId });
    if (query.action) builder.andWhere('entry.action = :action', { action: query.action });
    if (query.targetType) builder.andWhere('entry.targetType = :targetType', { targetType: query.targetType });
    if (query.targetId) builder.andWhere('entry.targetId = :targetId', { targetId: query.targetId });
    if (query.from) builder.andWhere('entry.createdAt >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('entry.createdAt < :to', { to: new Date(query.to) });
    const [entries, total] = await builder
      .orderBy('entry.createdAt', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { entries, total };
  }
}
