import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit/audit.module';
import { BalanceService } from './balance.service';
import { CreditAccountEntity } from '../entities/credit-account.entity';
import { LedgerEntryEntity } from '../entities/ledger-entry.entity';
import { CreditAdjustmentService } from './credit-adjustment.service';
import { LedgerQueryService } from './ledger-query.service';

/**
 * Balances and the ledger's manual movements, without the request path, payments or the reaper:
 * what the operator CLI needs (BillingModule re-exports it for everyone else).
 */
@Module({
  imports: [TypeOrmModule.forFeature([CreditAccountEntity, LedgerEntryEntity]), AuditModule],
  providers: [BalanceService, CreditAdjustmentService, LedgerQueryService],
  exports: [BalanceService, CreditAdjustmentService, LedgerQueryService],
})
export class LedgerModule {}
