import type { InvoiceKind } from '@apilink/contracts';
import type { InvoiceBuyer, InvoiceLine, InvoiceSeller } from '../invoice-parties';

/** Everything printed on an invoice, as issued (never the live account data). */
export interface InvoiceView {
  kind: InvoiceKind;
  displayNumber: string;
  issuedAt: Date;
  currency: string;
  amountMicros: bigint;
  lines: InvoiceLine[];
  seller: InvoiceSeller;
  buyer: InvoiceBuyer;
  paymentReference: string;
  correctsNumber: string | null;
}

export interface RenderedDocument {
  contentType: string;
  content: Buffer;
}

/** Turns an issued invoice into a document; must be deterministic (same invoice, same bytes). */
export interface InvoiceRenderer {
  render(invoice: InvoiceView): Promise<RenderedDocument>;
}

export const INVOICE_RENDERER = Symbol('INVOICE_RENDERER');
