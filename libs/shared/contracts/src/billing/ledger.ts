/** The append-only credit ledger as the dashboard and admin pages show it. */
import type { Money } from './money';

export const LEDGER_ENTRY_KINDS = [
  'top_up',
  'grant',
  'adjustment',
  'hold',
  'capture',
  'release',
  'expire',
  'refund',
  'dispute',
  'lease',
  'lease_return',
  'lease_expire',
] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

export interface LedgerEntry {
  id: string;
  kind: LedgerEntryKind;
  /** Change of the balance (negative for charges, refunds and disputes; 0 for holds). */
  amount: Money;
  /** Change of the amount held for requests in flight. */
  heldChange: Money;
  balanceAfter: Money;
  heldAfter: Money;
  requestId: string | null;
  paymentId: string | null;
  description: string | null;
  createdAt: string;
}
