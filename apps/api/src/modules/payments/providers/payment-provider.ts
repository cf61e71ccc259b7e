import type { PaymentProviderKind } from '@apilink/contracts';

export interface CheckoutRequest {
  /** Our payment id: the provider echoes it back so the confirmation finds the payment. */
  paymentId: string;
  userId: string;
  email: string;
  /** A whole number of cents, in micro-USD. */
  amountMicros: bigint;
  successUrl: string;
  cancelUrl: string;
}

export interface CheckoutSession {
  /** The provider's id for this checkout (Stripe `cs_...`). */
  checkoutSessionId: string;
  /** Where the customer's browser goes to pay. */
  checkoutUrl: string;
}

/**
 * Where customers pay for top-ups. One implementation is chosen at boot (PAYMENT_PROVIDER):
 * Stripe Checkout when STRIPE_SECRET_KEY is set, else the labelled test provider (or none in
 * production). Confirmation arrives through the provider's own route (Stripe's webhook, the
 * test page's button) and ends in PaymentsService.complete either way.
 */
export interface PaymentProvider {
  readonly kind: PaymentProviderKind;
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
}
