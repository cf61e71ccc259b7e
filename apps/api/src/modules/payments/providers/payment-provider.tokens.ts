/** The active PaymentProvider, or null when top-ups are not configured. */
export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');

/** The configured stripe-node client, or null without STRIPE_SECRET_KEY. */
export const STRIPE_CLIENT = Symbol('STRIPE_CLIENT');
