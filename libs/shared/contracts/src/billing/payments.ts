/** Top-ups: checkout, payment history, the test-payment flow. */
import type { Money } from './money';

export type PaymentProviderKind = 'stripe' | 'test';
export type PaymentStatus = 'pending' | 'completed' | 'failed' | 'cancelled' | 'expired';

export interface Payment {
  id: string;
  provider: PaymentProviderKind;
  status: PaymentStatus;
  amount: Money;
  refunded: Money;
  disputed: Money;
  createdAt: string;
  completedAt: string | null;
}

export interface PaymentList {
  data: Payment[];
}

/** `GET /api/billing/top-up-options`: what the recharge form may offer. */
export interface TopUpOptions {
  /** Null when no payment provider is configured (top-ups unavailable). */
  provider: PaymentProviderKind | null;
  /** True for the test-payment provider: no real money moves. */
  testMode: boolean;
  minimum: Money;
  maximum: Money;
  currency: 'USD';
}

export interface CreateCheckoutRequest {
  /** USD with at most 2 decimals, e.g. "25" or "25.50". */
  amountUsd: string;
}

export interface CreateCheckoutResponse {
  paymentId: string;
  /** Where to send the browser: Stripe Checkout, or the dashboard's test checkout page. */
  checkoutUrl: string;
  provider: PaymentProviderKind;
}

/** The dashboard's test checkout page shows this, with `label` prominently. */
export interface TestPaymentView {
  id: string;
  amount: Money;
  status: PaymentStatus;
  label: string;
}

/** Query parameter the checkout return URLs carry: `/credits?payment=success&payment_id=...`. */
export const PAYMENT_RETURN_PARAM = 'payment';
export const PAYMENT_ID_RETURN_PARAM = 'payment_id';
