import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  BillingErrorCode,
  DASHBOARD_CREDITS_PAGE,
  ErrorType,
  PAYMENT_ID_RETURN_PARAM,
  PAYMENT_RETURN_PARAM,
  type Payment,
  type PaymentStatus,
  type TopUpOptions,
} from '@apilink/contracts';
import { isUUID } from 'class-validator';
import type { Repository } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import type { SessionPrincipal } from '../../common/auth/principal';
import { appConfig } from '../../config/app.config';
import { billingConfig } from '../../config/billing.config';
import type { ConfigOf } from '../../config/define-config';
import { PaymentEntity } from './entities/payment.entity';
import { toPayment } from './mappers/payment.mapper';
import { toMoney } from '../../common/money/money.mapper';
import { formatUsd, parseUsd } from '../../common/money/usd-amount';
import type { PaymentProvider } from './providers/payment-provider';
import { PAYMENT_PROVIDER } from './providers/payment-provider.tokens';

const PAYMENT_HISTORY_LIMIT = 200;

/** Top-up checkout and the customer's payment history. */
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);

  constructor(
    @InjectRepository(PaymentEntity) private readonly payments: Repository<PaymentEntity>,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider | null,
    @Inject(billingConfig.KEY) private readonly config: ConfigOf<typeof billingConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigOf<typeof appConfig>,
  ) {}

  topUpOptions(): TopUpOptions {
    return {
      provider: this.provider?.kind ?? null,
      testMode: this.provider?.kind === 'test',
      minimum: toMoney(this.config.topUpMinMicros),
      maximum: toMoney(this.config.topUpMaxMicros),
      currency: 'USD',
    };
  }

  /** Records a pending payment and opens the provider's checkout for it. */
  async createCheckout(principal: SessionPrincipal, amountUsd: string): Promise<{ payment: PaymentEntity; checkoutUrl: string }> {
    const provider = this.requireProvider();
    const amountMicros = this.validAmount(amountUsd);
    const payment = await this.payments.save(
      this.payments.create({ userId: principal.userId, provider: provider.kind, status: 'pending', amountMicros, currency: 'USD' }),
    );
    const returnUrl = (result: 'success' | 'cancelled') =>
      `${this.app.publicUrl}${DASHBOARD_CREDITS_PAGE}?${PAYMENT_RETURN_PARAM}=${result}&${PAYMENT_ID_RETURN_PARAM}=${payment.id}`;
    try {
      const session = await provider.createCheckout({
        paymentId: payment.id,
        userId: principal.userId,
        email: principal.email,
        amountMicros,
        successUrl: returnUrl('success'),
        cancelUrl: returnUrl('cancelled'),
      });
      await this.payments.update({ id: payment.id }, { checkoutSessionId: session.checkoutSessionId, updatedAt: new Date() });
      payment.checkoutSessionId = session.checkoutSessionId;
      return { payment, checkoutUrl: session.checkoutUrl };
    } catch (error) {
      this.logger.error({ err: error, paymentId: payment.id }, 'The payment provider refused to open a checkout');
      await this.payments.update({ id: payment.id, status: 'pending' }, { status: 'failed', updatedAt: new Date() });
      throw new AppError('The payment provider is unavailable. Try again in a minute.', {
        status: HttpStatus.BAD_GATEWAY,
        type: ErrorType.Api,
        code: BillingErrorCode.PaymentsUnavailable,
      });
    }
  }

  async list(userId: string): Promise<Payment[]> {
    const payments = await this.payments.find({ where: { userId }, order: { createdAt: 'DESC' }, take: PAYMENT_HISTORY_LIMIT });
    return payments.map(toPayment);
  }

  /** The caller's own payment; anyone else's id is answered exactly like a missing one. */
  async get(userId: string, paymentId: string): Promise<PaymentEntity> {
    const payment = isUUID(paymentId) ? await this.payments.findOne({ where: { id: paymentId, userId } }) : null;
    if (!payment) throw AppError.notFound('Payment not found');
    return payment;
  }

  findByProviderPaymentId(provider: PaymentEntity['provider'], providerPaymentId: string): Promise<PaymentEntity | null> {
    return this.payments.findOne({ where: { provider, providerPaymentId } });
  }

  /** Closes a checkout nobody will pay (cancelled by the customer, expired, failed at the provider). */
  async close(paymentId: string, status: Extract<PaymentStatus, 'cancelled' | 'expired' | 'failed'>): Promise<boolean> {
    if (!isUUID(paymentId)) return false;
    const result = await this.payments.update({ id: paymentId, status: 'pending' }, { status, updatedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  private requireProvider(): PaymentProvider {
    if (this.provider) return this.provider;
    throw AppError.serviceUnavailable(
      'Top-ups are not available: no payment provider is configured.',
      BillingErrorCode.PaymentsUnavailable,
    );
  }

  private validAmount(amountUsd: string): bigint {
    const micros = parseUsd(amountUsd, 2);
    const { topUpMinMicros: min, topUpMaxMicros: max } = this.config;
    if (micros === null || micros < min || micros > max) {
      throw AppError.invalidRequest(
        `Enter an amount in USD between ${formatUsd(min).replace(/\.?0+$/, '')} and ${formatUsd(max).replace(/\.?0+$/, '')}, with at most 2 decimals`,
        'amountUsd',
        BillingErrorCode.InvalidAmount,
      );
    }
    return micros;
  }
}
