/** Balance views: `GET /v1/credits` for API clients and the dashboard's balance card. */
import type { Money } from './money';

/**
 * `GET /v1/credits` (API key). `total_credits` and `total_usage` are OpenRouter's fields (USD as
 * JSON numbers, so tools written for OpenRouter read them); the exact values are the `_micros`
 * integers and the `_usd` decimal strings. balance = total_credits − total_usage exactly.
 */
export interface CreditsResponse {
  data: {
    /** Net credits: top-ups and grants minus refunds and dispute debits. */
    total_credits: number;
    /** Captured usage over the account's life. */
    total_usage: number;
    total_credits_micros: number;
    total_usage_micros: number;
    balance_micros: number;
    /** Held by requests in flight. */
    held_micros: number;
    /** What a new request can reserve: balance − held. */
    available_micros: number;
    total_credits_usd: string;
    total_usage_usd: string;
    balance_usd: string;
    held_usd: string;
    available_usd: string;
    currency: 'USD';
  };
}

/** `GET /api/billing/balance` (session). */
export interface BalanceResponse {
  balance: Money;
  held: Money;
  available: Money;
  totalCredits: Money;
  totalUsage: Money;
  currency: 'USD';
}
