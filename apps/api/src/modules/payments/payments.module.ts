import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LedgerModule } from '../billing/ledger/ledger.module';
import { BillingProfileEntity } from './entities/billing-profile.entity';
import { PaymentProviderEventEntity } from './entities/payment-provider-event.entity';
import { PaymentEntity } from './entities/payment.entity';
import { PaymentListenersRegistry } from './payment-listeners.registry';
import { PaymentSettlementService } from './payment-settlement.service';
import { PaymentTransactionRunner } from './payment-transaction.runner';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { BillingDetailsController } from './profile/billing-details.controller';
import { BillingProfileService } from './profile/billing-profile.service';
import { paymentProviders } from './providers/payment-provider.factory';
import { TestPaymentsService } from './test-payments.service';
import { StripeWebhookController } from './webhook/stripe-webhook.controller';
import { StripeWebhookService } from './webhook/stripe-webhook.service';

/**
 * Money in and out through a payment provider: checkouts (top-ups) with the provider chosen at
 * boot (Stripe, or the test provider), the Stripe webhook, refunds and disputes, and the billing
 * profile printed on invoices. Balances change only through billing's LedgerPostingService, in the
 * payment's transaction; invoices hook in through PaymentListenersRegistry.
 */
@Module({
  imports: [LedgerModule, TypeOrmModule.forFeature([PaymentEntity, PaymentProviderEventEntity, BillingProfileEntity])],
  controllers: [PaymentsController, StripeWebhookController, BillingDetailsController],
  providers: [
    ...paymentProviders,
    PaymentTransactionRunner,
    PaymentListenersRegistry,
    PaymentsService,
    PaymentSettlementService,
    StripeWebhookService,
    TestPaymentsService,
    BillingProfileService,
  ],
  exports: [PaymentsService, PaymentListenersRegistry, BillingProfileService],
})
export class PaymentsModule {}
