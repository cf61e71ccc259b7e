/** Error codes only billing returns (the shared ones, e.g. `insufficient_quota`, are in errors/). */
export const BillingErrorCode = {
  /** 402: the API key's own spend cap would be exceeded (the account may still have credits). */
  SpendCapReached: 'spend_cap_reached',
  /** 503: no payment provider is configured, so top-ups are unavailable. */
  PaymentsUnavailable: 'payments_unavailable',
  /** 400: the top-up amount is outside the configured minimum and maximum. */
  InvalidAmount: 'invalid_amount',
  /** 400: the payment provider's webhook signature is missing, wrong or too old. */
  InvalidSignature: 'invalid_signature',
} as const;
export type BillingErrorCode = (typeof BillingErrorCode)[keyof typeof BillingErrorCode];
