import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { LedgerEntry, LedgerEntryKind, Page } from '@apilink/contracts';
import { In, type Repository } from 'typeorm';
import { LedgerEntryEntity } from '../entities/ledger-entry.entity';
import { toLedgerEntry } from '../mappers/ledger-entry.mapper';

/** An account's statement, newest first (for the dashboard and the admin module). */
@Injectable()
export class LedgerQueryService {
  constructor(@InjectRepository(LedgerEntryEntity) private readonly entries: Repository<LedgerEntryEntity>) {}

  async list(userId: string, page: number, pageSize: number, kinds?: LedgerEntryKind[]): Promise<Page<LedgerEntry>> {
    const [entries, total] = await this.entries.findAndCount({
      where: { userId, ...(kinds?.length ? { kind: In(kinds) } : {}) },
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { data: entries.map(toLedgerEntry), page, pageSize, total };
  }
}
