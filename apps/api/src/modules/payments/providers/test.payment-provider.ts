import { dashboardTestCheckoutPage } from '@apilink/contracts';
import type { CheckoutRequest, CheckoutSession, PaymentProvider } from './payment-provider';

/** Shown on the test checkout page and in API answers, so nobody mistakes it for a real payment. */
export const TEST_PAYMENT_LABEL = 'TEST PAYMENT: no money is charged. Credits are granted for trying ApiLink locally.';

/**
 * Stands in for Stripe when STRIPE_SECRET_KEY is not set (never in production unless
 * TEST_PAYMENTS_ENABLED=true): checkout is a dashboard page whose button completes the payment.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly kind = 'test' as const;

  constructor(private readonly publicUrl: string) {}

  async createCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
    return {
      checkoutSessionId: `test_${request.paymentId}`,
      checkoutUrl: `${this.publicUrl}${dashboardTestCheckoutPage(request.paymentId)}`,
    };
  }
}
