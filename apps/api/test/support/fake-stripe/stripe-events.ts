/** Stripe webhook events as Stripe sends them (only the fields ApiLink reads, plus the envelope). */
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import type { FakeCheckoutSession } from './fake-stripe.server';

export interface StripeEventJson {
  id: string;
  object: 'event';
  type: string;
  created: number;
  livemode: false;
  api_version: string;
  data: { object: Record<string, unknown> };
}

function event(type: string, object: Record<string, unknown>, id = `evt_${randomBytes(12).toString('hex')}`): StripeEventJson {
  return {
    id,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    api_version: '2025-01-27.acacia',
    data: { object },
  };
}

/** The session after the customer paid (or started a delayed payment, `paid: false`). */
export function checkoutCompleted(
  session: FakeCheckoutSession,
  options: { paid?: boolean; type?: string; eventId?: string } = {},
): StripeEventJson {
  const paid = options.paid ?? true;
  return event(
    options.type ?? 'checkout.session.completed',
    { ...session, status: 'complete', payment_status: paid ? 'paid' : 'unpaid' },
    options.eventId,
  );
}

export function checkoutExpired(session: FakeCheckoutSession): StripeEventJson {
  return event('checkout.session.expired', { ...session, status: 'expired' });
}

/** `amountRefunded` is Stripe's running total on the charge, in cents. */
export function chargeRefunded(
  session: FakeCheckoutSession,
  amountRefundedCents: number,
  metadata: Record<string, string> = {},
): StripeEventJson {
  return event('charge.refunded', {
    id: `ch_${session.payment_intent.slice(3)}`,
    object: 'charge',
    amount: session.amount_total,
    amount_refunded: amountRefundedCents,
    currency: 'usd',
    payment_intent: session.payment_intent,
    refunded: amountRefundedCents === session.amount_total,
    metadata,
  });
}

export function disputeClosed(
  session: FakeCheckoutSession,
  amountCents: number,
  status: 'lost' | 'won',
  disputeId = `dp_${randomBytes(10).toString('hex')}`,
): StripeEventJson {
  return event('charge.dispute.closed', {
    id: disputeId,
    object: 'dispute',
    amount: amountCents,
    currency: 'usd',
    charge: `ch_${session.payment_intent.slice(3)}`,
    payment_intent: session.payment_intent,
    status,
    metadata: {},
  });
}

/** The body and `stripe-signature` header Stripe would send, signed with the endpoint secret. */
export function signed(payload: StripeEventJson, secret: string, timestamp?: number): { body: string; signature: string } {
  const body = JSON.stringify(payload);
  return { body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp }) };
}
