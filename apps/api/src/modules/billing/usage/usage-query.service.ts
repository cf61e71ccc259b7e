import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Page, RequestAttempt, UsageFilters, UsageRecord } from '@apilink/contracts';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { UsageRecordEntity } from '../entities/usage-record.entity';
import { toUsageRecord } from '../mappers/usage-record.mapper';
import { USAGE_CSV_HEADER, usageCsvLine } from './usage-csv';

/** Any user's request, for the staff lookup: the usage row, whose it is, and its failover attempts. */
export interface StaffRequestRecord {
  userId: string;
  usage: UsageRecord;
  /** Null for rows settled before attempts were recorded (and for expired holds). */
  attempts: RequestAttempt[] | null;
}

export interface ModelTotalRow {
  model: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  costMicros: bigint;
}

export interface DayTotalRow extends Omit<ModelTotalRow, 'model'> {
  /** YYYY-MM-DD in the requested time zone. */
  day: string;
}

/** CSV exports stop here; narrower filters export the rest. */
export const USAGE_CSV_MAX_ROWS = 100_000;
const CSV_BATCH = 1_000;

/** Reads of the usage log for the dashboard (and the admin module): filtered, paged, totalled, CSV. */
@Injectable()
export class UsageQueryService {
  constructor(@InjectRepository(UsageRecordEntity) private readonly usage: Repository<UsageRecordEntity>) {}

  /** Newest first; `page` counts from 1. */
  async list(userId: string, filters: UsageFilters, page: number, pageSize: number): Promise<Page<UsageRecord>> {
    const [records, total] = await this.filtered(userId, filters)
      .orderBy('u.createdAt', 'DESC')
      .addOrderBy('u.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { data: records.map(toUsageRecord), page, pageSize, total };
  }

  /** One request of this user's, or null (another user's request id is not found either). */
  byRequestId(userId: string, requestId: string): Promise<UsageRecordEntity | null> {
    return this.byId(requestId).andWhere('u.userId = :userId', { userId }).getOne();
  }

  /** Any user's request (staff request lookup). */
  async findByRequestId(requestId: string): Promise<StaffRequestRecord | null> {
    const record = await this.byId(requestId).getOne();
    return record && { userId: record.userId, usage: toUsageRecord(record), attempts: record.attempts };
  }

  /**
   * Request ids are unique among settled rows; a refused row may share its id with a later settled
   * one (a client that reused its X-Request-Id on a retry), and then the settled row is the answer.
   */
  private byId(requestId: string): SelectQueryBuilder<UsageRecordEntity> {
    return this.usage
      .createQueryBuilder('u')
      .where('u.requestId = :requestId', { requestId })
      .orderBy(`CASE WHEN u.status = 'refused' THEN 1 ELSE 0 END`, 'ASC')
      .limit(1);
  }

  async totalsByModel(userId: string, filters: UsageFilters): Promise<ModelTotalRow[]> {
    const rows: { model: string; requests: string; prompt: string; completion: string; cached: string; cost: string }[] =
      await this.totalled(userId, filters)
        .select('u.model', 'model')
        .addSelect('COUNT(*)', 'requests')
        .addSelect('COALESCE(SUM(u.promptTokens), 0)', 'prompt')
        .addSelect('COALESCE(SUM(u.completionTokens), 0)', 'completion')
        .addSelect('COALESCE(SUM(u.cachedTokens), 0)', 'cached')
        .addSelect('COALESCE(SUM(u.costMicros), 0)', 'cost')
        .groupBy('u.model')
        .orderBy('cost', 'DESC')
        .addOrderBy('u.model', 'ASC')
        .getRawMany();
    return rows.map((row) => ({
      model: row.model,
      requests: Number(row.requests),
      promptTokens: Number(row.prompt),
      completionTokens: Number(row.completion),
      cachedTokens: Number(row.cached),
      costMicros: BigInt(row.cost),
    }));
  }

  /** Totals per calendar day in `timeZone` (an IANA name PostgreSQL knows), oldest first. */
  async totalsByDay(userId: string, filters: UsageFilters, timeZone: string): Promise<DayTotalRow[]> {
    const rows: { day: string; requests: string; prompt: string; completion: string; cached: string; cost: string }[] = await this.totalled(
      userId,
      filters,
    )
      .select(`to_char(u.createdAt AT TIME ZONE :timeZone, 'YYYY-MM-DD')`, 'day')
      .addSelect('COUNT(*)', 'requests')
      .addSelect('COALESCE(SUM(u.promptTokens), 0)', 'prompt')
      .addSelect('COALESCE(SUM(u.completionTokens), 0)', 'completion')
      .addSelect('COALESCE(SUM(u.cachedTokens), 0)', 'cached')
      .addSelect('COALESCE(SUM(u.costMicros), 0)', 'cost')
      .setParameter('timeZone', timeZone)
      .groupBy('day')
      .orderBy('day', 'ASC')
      .getRawMany();
    return rows.map((row) => ({
      day: row.day,
      requests: Number(row.requests),
      promptTokens: Number(row.prompt),
      completionTokens: Number(row.completion),
      cachedTokens: Number(row.cached),
      costMicros: BigInt(row.cost),
    }));
  }

  /** The filtered log as CSV, newest first, read in keyset batches so memory stays flat. */
  csv(userId: string, filters: UsageFilters): Readable {
    return Readable.from(this.csvChunks(userId, filters));
  }

  private async *csvChunks(userId: string, filters: UsageFilters): AsyncGenerator<string> {
    yield USAGE_CSV_HEADER;
    let afterId: string | null = null;
    for (let sent = 0; sent < USAGE_CSV_MAX_ROWS;) {
      const builder = this.filtered(userId, filters);
      // Compared in SQL: a JS Date would cut the timestamp's microseconds and skip rows.
      if (afterId) {
        builder.andWhere('(u.createdAt, u.id) < (SELECT c.created_at, c.id FROM usage_records c WHERE c.id = :afterId)', { afterId });
      }
      const batch = await builder
        .orderBy('u.createdAt', 'DESC')
        .addOrderBy('u.id', 'DESC')
        .take(Math.min(CSV_BATCH, USAGE_CSV_MAX_ROWS - sent))
        .getMany();
      if (batch.length === 0) return;
      yield batch.map(usageCsvLine).join('');
      sent += batch.length;
      afterId = batch[batch.length - 1].id;
    }
  }

  /** Totals count the requests that were admitted, unless refusals are what was asked for. */
  private totalled(userId: string, filters: UsageFilters): SelectQueryBuilder<UsageRecordEntity> {
    const builder = this.filtered(userId, filters);
    return filters.status ? builder : builder.andWhere(`u.status <> 'refused'`);
  }

  private filtered(userId: string, filters: UsageFilters): SelectQueryBuilder<UsageRecordEntity> {
    const builder = this.usage.createQueryBuilder('u').where('u.userId = :userId', { userId });
    if (filters.keyId) builder.andWhere('u.keyId = :keyId', { keyId: filters.keyId });
    if (filters.model) builder.andWhere('u.model = :model', { model: filters.model });
    if (filters.status) builder.andWhere('u.status = :status', { status: filters.status });
    if (filters.from) builder.andWhere('u.createdAt >= :from', { from: new Date(filters.from) });
    if (filters.to) builder.andWhere('u.createdAt < :to', { to: new Date(filters.to) });
    return builder;
  }
}
