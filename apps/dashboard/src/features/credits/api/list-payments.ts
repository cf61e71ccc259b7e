import { BILLING_ROUTES, type Payment, type PaymentList } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { creditsKeys } from './credits-keys';

export const paymentsQueryOptions = () =>
  queryOptions({
    queryKey: creditsKeys.payments(),
    queryFn: async ({ signal }): Promise<Payment[]> => (await apiRequest<PaymentList>(BILLING_ROUTES.payments, { signal })).data,
  });

export function usePayments() {
  return useQuery(paymentsQueryOptions());
}
