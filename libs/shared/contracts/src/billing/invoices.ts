/** Invoices (one per completed payment) and credit notes (refunds, lost disputes). */
import type { Money } from './money';

export type InvoiceKind = 'invoice' | 'credit_note';

export interface InvoiceSummary {
  id: string;
  kind: InvoiceKind;
  /** `INV-2026-000001` or `CN-2026-000001`: gap-free per series and year. */
  number: string;
  issuedAt: string;
  /** Always positive; a credit note's amount is what it credits back. */
  amount: Money;
  currency: 'USD';
  paymentId: string;
  /** For credit notes: the invoice it corrects. */
  correctsInvoiceNumber: string | null;
}

export interface InvoiceList {
  data: InvoiceSummary[];
}
