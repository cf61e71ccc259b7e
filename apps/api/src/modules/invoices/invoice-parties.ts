/** What an invoice snapshots when it is issued (stored as JSON on the invoice row). */

export interface InvoiceSeller {
  name: string;
  addressLines: string[];
  vatId: string | null;
  email: string | null;
}

export interface InvoiceBuyer {
  email: string;
  name: string | null;
  company: string | null;
  addressLines: string[];
  country: string | null;
  vatId: string | null;
}

export interface InvoiceLine {
  description: string;
  quantity: number;
  unitAmountMicros: string;
  amountMicros: string;
}
