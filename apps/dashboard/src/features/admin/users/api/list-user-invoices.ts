import { ADMIN_ROUTES, type InvoiceList, type InvoiceSummary } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../../lib/api-client';
import { usersKeys } from './users-keys';

export const userInvoicesQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: usersKeys.invoices(userId),
    queryFn: async ({ signal }): Promise<InvoiceSummary[]> =>
      (await apiRequest<InvoiceList>(ADMIN_ROUTES.userInvoices(userId), { signal })).data,
  });

export function useUserInvoices(userId: string) {
  return useQuery(userInvoicesQueryOptions(userId));
}
