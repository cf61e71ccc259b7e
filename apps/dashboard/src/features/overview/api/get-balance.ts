import { BILLING_ROUTES, type BalanceResponse } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const overviewBalanceQueryOptions = () =>
  queryOptions({
    queryKey: ['overview', 'balance'] as const,
    queryFn: ({ signal }) => apiRequest<BalanceResponse>(BILLING_ROUTES.balance, { signal }),
  });

export function useOverviewBalance() {
  return useQuery(overviewBalanceQueryOptions());
}
