import type Stripe from 'stripe';
import type { CheckoutRequest, CheckoutSession, PaymentProvider } from './payment-provider';

const MICROS_PER_CENT = 10_000n;

/** Metadata key carrying our payment id on the session and its PaymentIntent (refunds, disputes). */
export const STRIPE_PAYMENT_ID_METADATA = 'apilink_payment_id';

/** Stripe Checkout in payment mode: one line of prepaid credits in USD. */
export class StripePaymentProvider implements PaymentProvider {
  readonly kind = 'stripe' as const;

  constructor(private readonly stripe: Stripe) {}

  async createCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: 'payment',
        client_reference_id: request.paymentId,
        customer_email: request.email,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: 'usd',
              unit_amount: Number(request.amountMicros / MICROS_PER_CENT),
              product_data: { name: 'ApiLink prepaid credits' },
            },
          },
        ],
        metadata: { [STRIPE_PAYMENT_ID_METADATA]: request.paymentId },
        payment_intent_data: { metadata: { [STRIPE_PAYMENT_ID_METADATA]: request.paymentId } },
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
      },
      // A retried request must not open a second session for the same payment.
      { idempotencyKey: `checkout-${request.paymentId}` },
    );
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
    return { checkoutSessionId: session.id, checkoutUrl: session.url };
  }
}
