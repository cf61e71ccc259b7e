/** The buyer details printed on invoices, editable by the customer (B2B). */
export interface BillingDetails {
  name: string | null;
  company: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  postalCode: string | null;
  region: string | null;
  /** ISO 3166-1 alpha-2, e.g. "DE". */
  country: string | null;
  vatId: string | null;
}

/** `PUT /api/billing/details` replaces every field (null or omitted clears it). */
export type UpdateBillingDetailsRequest = Partial<BillingDetails>;

export const BILLING_DETAILS_MAX_LENGTH = 200;
