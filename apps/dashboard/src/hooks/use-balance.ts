/**
 * The customer's balance: shown on the overview and the credits page, cached under one key so a
 * completed top-up (or a test payment) refreshes it everywhere.
 */
import { BILLING_ROUTES, type BalanceResponse } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../lib/api-client';

export const balanceKey = ['balance'] as const;

export const balanceQueryOptions = () =>
  queryOptions({
    queryKey: balanceKey,
    queryFn: ({ signal }) => apiRequest<BalanceResponse>(BILLING_ROUTES.balance, { signal }),
  });

export function useBalance() {
  return useQuery(balanceQueryOptions());
}
