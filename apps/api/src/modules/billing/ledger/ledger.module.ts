import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit/audit.module';
import { BalanceService } from './balance.service';
import { CreditAccountEntity } from '../entities/credit-account.entity';
import { LedgerEntryEntity } from '../entities/ledger-entry.entity';
import { CreditAdjustmentService } from './credit-adjustment.service';
import { LedgerPostingService } from './ledger-posting.service';
import { LedgerQueryService } from './ledger-query.service';

/**
 * Balances and the ledger's movements outside the request path (manual ones, and payments' through
 * LedgerPostingService), without the holds or the reaper: what the operator CLI and the payments
 * module need (BillingModule re-exports it for everyone else).
 */
@Module({
  imports: [TypeOrmModule.forFeature([CreditAccountEntity, LedgerEntryEntity]), AuditModule],
  providers: [BalanceService, CreditAdjustmentService, LedgerQueryService, LedgerPostingService],
  exports: [BalanceService, CreditAdjustmentService, LedgerQueryService, LedgerPostingService],
})
export class LedgerModule {}
