import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { AuditLogEntry, AuditLogQuery, Page } from '@apilink/contracts';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import type { AuditContext } from './audit-actor';
import { toAuditJson } from './audit-json';
import { AuditLogEntryEntity } from './entities/audit-log-entry.entity';
import { toAuditLogEntry } from './mappers/audit-log-entry.mapper';

export interface AuditRecord {
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** What an audited unit of work returns: its result, and the entry to record (null: nothing changed). */
export interface AuditedOutcome<T> {
  result: T;
  record: AuditRecord | null;
}

export const AUDIT_DEFAULT_PAGE_SIZE = 50;

/**
 * Writes and reads the append-only audit log. `record` takes the caller's EntityManager so the
 * entry commits or rolls back with the change it describes.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditLogEntryEntity) private readonly entries: Repository<AuditLogEntryEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

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

  /**
   * Runs `work` in a transaction and records its entry in the same one. Work done through another
   * service's own connection (a cache must only be invalidated after its commit) still happens
   * before the entry is written, so a failed action leaves no entry behind.
   */
  async audited<T>(context: AuditContext, work: (manager: EntityManager) => Promise<AuditedOutcome<T>>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const { result, record } = await work(manager);
      if (record) await this.record(context, record, manager);
      return result;
    });
  }

  /** Newest first; `page` counts from 1. */
  async list(query: AuditLogQuery): Promise<Page<AuditLogEntry>> {
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
    return { data: entries.map(toAuditLogEntry), page, pageSize, total };
  }
}
