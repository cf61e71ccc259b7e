import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import type { PaymentEntity } from './entities/payment.entity';
import type { PaymentProvider } from './providers/payment-provider';
import { PAYMENT_PROVIDER } from './providers/payment-provider.tokens';
import { PaymentSettlementService } from './payment-settlement.service';
import { PaymentsService } from './payments.service';

/**
 * The test-payment flow: the dashboard's labelled checkout page completes or cancels a test
 * payment of the logged-in customer. Absent (404) unless the test provider is the active one.
 */
@Injectable()
export class TestPaymentsService {
  constructor(
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider | null,
    private readonly payments: PaymentsService,
    private readonly settlement: PaymentSettlementService,
  ) {}

  async get(userId: string, paymentId: string): Promise<PaymentEntity> {
    if (this.provider?.kind !== 'test') throw AppError.notFound('Test payments are not enabled');
    const payment = await this.payments.get(userId, paymentId);
    if (payment.provider !== 'test') throw AppError.notFound('Payment not found');
    return payment;
  }

  async complete(userId: string, paymentId: string): Promise<PaymentEntity> {
    const payment = await this.get(userId, paymentId);
    if (payment.status !== 'pending' && payment.status !== 'completed') {
      throw AppError.conflict(`This test payment is ${payment.status}; start a new top-up`);
    }
    await this.settlement.complete({
      paymentId: payment.id,
      provider: 'test',
      paidMicros: payment.amountMicros,
      providerPaymentId: `test_${payment.id}`,
    });
    return this.payments.get(userId, paymentId);
  }

  async cancel(userId: string, paymentId: string): Promise<PaymentEntity> {
    const payment = await this.get(userId, paymentId);
    if (payment.status === 'pending') await this.payments.close(payment.id, 'cancelled');
    return this.payments.get(userId, paymentId);
  }
}
