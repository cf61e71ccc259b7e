import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BillingController } from './billing.controller';
import { CreditsController } from './credits.controller';
import { BillingProfileEntity } from './entities/billing-profile.entity';
import { CreditHoldEntity } from './entities/credit-hold.entity';
import { KeySpendEntity } from './entities/key-spend.entity';
import { PaymentProviderEventEntity } from './entities/payment-provider-event.entity';
import { PaymentEntity } from './entities/payment.entity';
import { UsageRecordEntity } from './entities/usage-record.entity';
import { HoldReaperService } from './holds/hold-reaper.service';
import { INSTANCE_ID, newInstanceId } from './leases/instance-id';
import { LeaseBook } from './leases/lease-book.service';
import { LeasedRequestBillingService } from './leases/leased-request-billing.service';
import { billingConfig } from '../../config/billing.config';
import type { ConfigOf } from '../../config/define-config';
import { LedgerModule } from './ledger/ledger.module';
import { PaymentListenersRegistry } from './payments/payment-listeners.registry';
import { paymentProviders } from './payments/payment-provider.factory';
import { PaymentSettlementService } from './payments/payment-settlement.service';
import { PaymentTransactionRunner } from './payments/payment-transaction.runner';
import { PaymentsController } from './payments/payments.controller';
import { PaymentsService } from './payments/payments.service';
import { StripeWebhookController } from './payments/stripe-webhook.controller';
import { StripeWebhookService } from './payments/stripe-webhook.service';
import { TestPaymentsService } from './payments/test-payments.service';
import { BillingProfileService } from './profile/billing-profile.service';
import { REQUEST_BILLING } from './request-billing.port';
import { RequestBillingService } from './request-billing.service';
import { UsageController } from './usage/usage.controller';
import { UsageQueryService } from './usage/usage-query.service';

/**
 * Prepaid credits: the ledger, reserve-then-settle for every /v1 request (REQUEST_BILLING),
 * top-ups through the payment provider chosen at boot, the usage log and the dashboard's billing API.
 */
@Module({
  imports: [
    LedgerModule,
    TypeOrmModule.forFeature([
      CreditHoldEntity,
      KeySpendEntity,
      UsageRecordEntity,
      PaymentEntity,
      PaymentProviderEventEntity,
      BillingProfileEntity,
    ]),
  ],
  controllers: [CreditsController, BillingController, UsageController, PaymentsController, StripeWebhookController],
  providers: [
    RequestBillingService,
    { provide: INSTANCE_ID, useFactory: newInstanceId },
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
    BillingProfileService,
    ...paymentProviders,
    PaymentTransactionRunner,
    PaymentListenersRegistry,
    PaymentsService,
    PaymentSettlementService,
    StripeWebhookService,
    TestPaymentsService,
  ],
  exports: [
    REQUEST_BILLING,
    RequestBillingService,
    LeaseBook,
    HoldReaperService,
    LedgerModule,
    UsageQueryService,
    BillingProfileService,
    PaymentsService,
    PaymentListenersRegistry,
  ],
})
export class BillingModule {}
