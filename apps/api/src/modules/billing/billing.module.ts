import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BillingController } from './billing.controller';
import { CreditsController } from './credits.controller';
import { CreditHoldEntity } from './entities/credit-hold.entity';
import { KeySpendEntity } from './entities/key-spend.entity';
import { UsageRecordEntity } from './entities/usage-record.entity';
import { HoldReaperService } from './holds/hold-reaper.service';
import { LeaseBook } from './leases/lease-book.service';
import { LeasedRequestBillingService } from './leases/leased-request-billing.service';
import { billingConfig } from '../../config/billing.config';
import type { ConfigOf } from '../../config/define-config';
import { LedgerModule } from './ledger/ledger.module';
import { REQUEST_BILLING } from './request-billing.port';
import { RequestBillingService } from './request-billing.service';
import { UsageController } from './usage/usage.controller';
import { UsageQueryService } from './usage/usage-query.service';
import { RefusalRecorder } from './usage/refusal-recorder.service';

/**
 * Prepaid credits: the ledger and balances, reserve-then-settle for every /v1 request
 * (REQUEST_BILLING: per-request holds or credit leases), the reaper, the usage log and the
 * dashboard's balance, statement and usage API. Money arrives through the payments module, which
 * posts to the ledger through LedgerModule's LedgerPostingService.
 */
@Module({
  imports: [LedgerModule, TypeOrmModule.forFeature([CreditHoldEntity, KeySpendEntity, UsageRecordEntity])],
  controllers: [CreditsController, BillingController, UsageController],
  providers: [
    RequestBillingService,
    LeaseBook,
    LeasedRequestBillingService,
    {
      // BILLING_LEASES chooses the strategy once at boot; both stay tested.
      provide: REQUEST_BILLING,
      inject: [billingConfig.KEY, RequestBillingService, LeasedRequestBillingService],
      useFactory: (config: ConfigOf<typeof billingConfig>, perRequest: RequestBillingService, leased: LeasedRequestBillingService) =>
        config.leases ? leased : perRequest,
    },
    HoldReaperService,
    UsageQueryService,
    RefusalRecorder,
  ],
  exports: [REQUEST_BILLING, RequestBillingService, LeaseBook, HoldReaperService, LedgerModule, UsageQueryService],
})
export class BillingModule {}
