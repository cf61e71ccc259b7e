import { BILLING_ROUTES, type TopUpOptions } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { creditsKeys } from './credits-keys';

export const topUpOptionsQueryOptions = () =>
  queryOptions({
    queryKey: creditsKeys.topUpOptions(),
    queryFn: ({ signal }) => apiRequest<TopUpOptions>(BILLING_ROUTES.topUpOptions, { signal }),
    staleTime: 5 * 60_000,
  });

export function useTopUpOptions() {
  return useQuery(topUpOptionsQueryOptions());
}
