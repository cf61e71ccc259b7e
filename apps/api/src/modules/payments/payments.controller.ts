import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  BILLING_ROUTES,
  type CreateCheckoutResponse,
  type Payment,
  type PaymentList,
  type TestPaymentView,
  type TopUpOptions,
} from '@apilink/contracts';
import { Auth } from '../../common/auth/auth.decorator';
import { CurrentSession } from '../../common/auth/current-principal.decorator';
import type { SessionPrincipal } from '../../common/auth/principal';
import { CreateCheckoutDto } from './dto/create-checkout.dto';
import { toMoney } from '../../common/money/money.mapper';
import { toPayment } from './mappers/payment.mapper';
import { PaymentsService } from './payments.service';
import { TestPaymentsService } from './test-payments.service';
import { TEST_PAYMENT_LABEL } from './providers/test.payment-provider';

/** Top-ups for the logged-in customer: options, checkout, history, and the test-payment page's calls. */
@Auth('session')
@Controller()
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly testPayments: TestPaymentsService,
  ) {}

  @Get(BILLING_ROUTES.topUpOptions)
  topUpOptions(): TopUpOptions {
    return this.payments.topUpOptions();
  }

  @Post(BILLING_ROUTES.checkout)
  async checkout(@CurrentSession() session: SessionPrincipal, @Body() body: CreateCheckoutDto): Promise<CreateCheckoutResponse> {
    const { payment, checkoutUrl } = await this.payments.createCheckout(session, body.amountUsd);
    return { paymentId: payment.id, checkoutUrl, provider: payment.provider };
  }

  @Get(BILLING_ROUTES.payments)
  async list(@CurrentSession() session: SessionPrincipal): Promise<PaymentList> {
    return { data: await this.payments.list(session.userId) };
  }

  @Get(BILLING_ROUTES.payment.pattern)
  async get(@CurrentSession() session: SessionPrincipal, @Param('paymentId') paymentId: string): Promise<Payment> {
    return toPayment(await this.payments.get(session.userId, paymentId));
  }

  @Get(BILLING_ROUTES.testPayment.pattern)
  async testPayment(@CurrentSession() session: SessionPrincipal, @Param('paymentId') paymentId: string): Promise<TestPaymentView> {
    const payment = await this.testPayments.get(session.userId, paymentId);
    return { id: payment.id, amount: toMoney(payment.amountMicros), status: payment.status, label: TEST_PAYMENT_LABEL };
  }

  @Post(BILLING_ROUTES.completeTestPayment.pattern)
  @HttpCode(200)
  async completeTestPayment(@CurrentSession() session: SessionPrincipal, @Param('paymentId') paymentId: string): Promise<Payment> {
    return toPayment(await this.testPayments.complete(session.userId, paymentId));
  }

  @Post(BILLING_ROUTES.cancelTestPayment.pattern)
  @HttpCode(200)
  async cancelTestPayment(@CurrentSession() session: SessionPrincipal, @Param('paymentId') paymentId: string): Promise<Payment> {
    return toPayment(await this.testPayments.cancel(session.userId, paymentId));
  }
}
