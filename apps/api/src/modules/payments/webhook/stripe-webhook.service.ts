import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { BillingErrorCode, ErrorType } from '@apilink/contracts';
import type Stripe from 'stripe';
import { AppError } from '../../../common/errors/app-error';
import { billingConfig } from '../../../config/billing.config';
import type { ConfigOf } from '../../../config/define-config';
import type { PaymentTransaction } from '../payment-listeners.registry';
import { STRIPE_CLIENT } from '../providers/payment-provider.tokens';
import { PaymentNotCompletedError, PaymentSettlementService } from '../payment-settlement.service';
import { PaymentTransactionRunner } from '../payment-transaction.runner';
import { PaymentsService } from '../payments.service';
import { STRIPE_PAYMENT_ID_METADATA } from '../providers/stripe.payment-provider';

const MICROS_PER_CENT = 10_000n;

export interface WebhookReceipt {
  received: true;
  outcome: string;
}

/**
 * Stripe's webhook: the signature is checked on the raw body, and the event id is claimed in the
 * same transaction as the money it moves, so a redelivery (Stripe retries for days, duplicates,
 * reorders) is a no-op and a failure leaves the event unclaimed for the next delivery.
 */
@Injectable()
export class StripeWebhookService {
  private readonly logger = new Logger(StripeWebhookService.name);

  constructor(
    @Inject(STRIPE_CLIENT) private readonly stripe: Stripe | null,
    @Inject(billingConfig.KEY) private readonly config: ConfigOf<typeof billingConfig>,
    private readonly runner: PaymentTransactionRunner,
    private readonly settlement: PaymentSettlementService,
    private readonly payments: PaymentsService,
  ) {}

  async receive(rawBody: Buffer | undefined, signature: string | undefined): Promise<WebhookReceipt> {
    if (!this.stripe || !this.config.stripe) throw AppError.notFound('Stripe is not configured');
    const event = this.verify(rawBody, signature);
    try {
      const outcome = await this.runner.run(async (tx) => {
        const [claim]: { id: string }[] = await tx.manager.query(
          `INSERT INTO payment_provider_events (provider, event_id, type, outcome) VALUES ('stripe', $1, $2, 'processing')
           ON CONFLICT (provider, event_id) DO NOTHING RETURNING id`,
          [event.id, event.type],
        );
        if (!claim) return 'duplicate';
        const result = await this.dispatch(event, tx);
        await tx.manager.query('UPDATE payment_provider_events SET outcome = $2 WHERE id = $1', [claim.id, result]);
        return result;
      });
      this.logger.log({ eventId: event.id, type: event.type, outcome }, 'Stripe event handled');
      return { received: true, outcome };
    } catch (error) {
      if (!(error instanceof PaymentNotCompletedError)) throw error;
      // Reordered delivery (a refund before its payment's completion): ask Stripe to send it again later.
      throw AppError.conflict('The payment this event refers to is not completed yet; redeliver later');
    }
  }

  private verify(rawBody: Buffer | undefined, signature: string | undefined): Stripe.Event {
    try {
      if (!rawBody || !signature) throw new Error('missing body or signature');
      // Default tolerance: 300 s between Stripe's signed timestamp and now.
      return this.stripe!.webhooks.constructEvent(rawBody, signature, this.config.stripe!.webhookSecret);
    } catch {
      throw new AppError('Invalid Stripe signature', {
        status: HttpStatus.BAD_REQUEST,
        type: ErrorType.InvalidRequest,
        code: BillingErrorCode.InvalidSignature,
      });
    }
  }

  private async dispatch(event: Stripe.Event, tx: PaymentTransaction): Promise<string> {
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded':
        return this.sessionPaid(event.data.object, tx);
      case 'checkout.session.async_payment_failed':
        return this.sessionClosed(event.data.object, 'failed');
      case 'checkout.session.expired':
        return this.sessionClosed(event.data.object, 'expired');
      case 'charge.refunded':
        return this.chargeRefunded(event.data.object, tx);
      case 'charge.dispute.closed':
        return this.disputeClosed(event.data.object, tx);
      default:
        return 'ignored';
    }
  }

  private async sessionPaid(session: Stripe.Checkout.Session, tx: PaymentTransaction): Promise<string> {
    // `completed` arrives unpaid for delayed methods; `async_payment_succeeded` follows when they clear.
    if (session.payment_status !== 'paid') return 'awaiting_payment';
    const paymentId = paymentIdOf(session);
    if (!paymentId) return 'unknown_payment';
    if (session.currency !== 'usd' || session.amount_total === null) {
      this.logger.error({ sessionId: session.id, currency: session.currency }, 'Stripe session paid in an unexpected currency');
      return 'unexpected_currency';
    }
    return this.settlement.complete(
      {
        paymentId,
        provider: 'stripe',
        paidMicros: BigInt(session.amount_total) * MICROS_PER_CENT,
        providerPaymentId: idOf(session.payment_intent) ?? session.id,
      },
      tx,
    );
  }

  private async sessionClosed(session: Stripe.Checkout.Session, status: 'failed' | 'expired'): Promise<string> {
    const paymentId = paymentIdOf(session);
    return paymentId && (await this.payments.close(paymentId, status)) ? status : 'ignored';
  }

  private async chargeRefunded(charge: Stripe.Charge, tx: PaymentTransaction): Promise<string> {
    const ref = await this.paymentRefOf(charge.payment_intent, charge.metadata);
    if (!ref) return 'unknown_payment';
    return this.settlement.recordRefund(ref, BigInt(charge.amount_refunded) * MICROS_PER_CENT, tx);
  }

  private async disputeClosed(dispute: Stripe.Dispute, tx: PaymentTransaction): Promise<string> {
    if (dispute.status !== 'lost') return `dispute_${dispute.status}`;
    const ref = await this.paymentRefOf(dispute.payment_intent, dispute.metadata);
    if (!ref) return 'unknown_payment';
    return this.settlement.recordLostDispute(ref, dispute.id, BigInt(dispute.amount) * MICROS_PER_CENT, tx);
  }

  /**
   * Which of our payments a charge or dispute belongs to. The PaymentIntent id is recorded when
   * the payment completes; for one not yet known (a reordered delivery, or a charge that is not
   * ours) the Checkout Session that made it tells, through our reference on it.
   */
  private async paymentRefOf(
    paymentIntent: string | Stripe.PaymentIntent | null,
    metadata: Stripe.Metadata | null,
  ): Promise<{ provider: 'stripe'; paymentId: string } | { provider: 'stripe'; providerPaymentId: string } | null> {
    const fromMetadata = metadata?.[STRIPE_PAYMENT_ID_METADATA];
    if (fromMetadata) return { provider: 'stripe', paymentId: fromMetadata };
    const intentId = idOf(paymentIntent);
    if (!intentId) return null;
    if (await this.payments.findByProviderPaymentId('stripe', intentId)) return { provider: 'stripe', providerPaymentId: intentId };
    const sessions = await this.stripe!.checkout.sessions.list({ payment_intent: intentId, limit: 1 });
    const paymentId = sessions.data[0] ? paymentIdOf(sessions.data[0]) : null;
    return paymentId ? { provider: 'stripe', paymentId } : null;
  }
}

function paymentIdOf(session: Stripe.Checkout.Session): string | null {
  return session.client_reference_id ?? session.metadata?.[STRIPE_PAYMENT_ID_METADATA] ?? null;
}

function idOf(value: string | { id: string } | null): string | null {
  return typeof value === 'string' ? value : (value?.id ?? null);
}
