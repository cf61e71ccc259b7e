import { BILLING_ROUTES, type InvoiceList, type InvoiceSummary } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { creditsKeys } from './credits-keys';

/**
 * Invoices are rendered by a queued job just after a payment completes, so while a completed
 * payment has no invoice yet the list polls until it shows up.
 */
export const invoicesQueryOptions = (completedPaymentIds: string[] = []) =>
  queryOptions({
    queryKey: creditsKeys.invoices(),
    queryFn: async ({ signal }): Promise<InvoiceSummary[]> => (await apiRequest<InvoiceList>(BILLING_ROUTES.invoices, { signal })).data,
    refetchInterval: (query) => {
      const invoiced = new Set((query.state.data ?? []).map((invoice) => invoice.paymentId));
      return completedPaymentIds.some((id) => !invoiced.has(id)) ? 2000 : false;
    },
  });

export function useInvoices(completedPaymentIds?: string[]) {
  return useQuery(invoicesQueryOptions(completedPaymentIds));
}
