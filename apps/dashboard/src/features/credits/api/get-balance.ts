import { BILLING_ROUTES, type BalanceResponse } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { creditsKeys } from './credits-keys';

export const balanceQueryOptions = () =>
  queryOptions({
    queryKey: creditsKeys.balance(),
    queryFn: ({ signal }) => apiRequest<BalanceResponse>(BILLING_ROUTES.balance, { signal }),
  });

export function useBalance() {
  return useQuery(balanceQueryOptions());
}
