import { BILLING_ROUTES, type ModelUsageTotals, type UsageFilters } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { usageKeys } from './usage-keys';

export const modelTotalsQueryOptions = (filters: UsageFilters) =>
  queryOptions({
    queryKey: usageKeys.byModel(filters),
    queryFn: ({ signal }) => apiRequest<ModelUsageTotals>(BILLING_ROUTES.usageByModel, { signal, query: { ...filters } }),
  });

export function useModelTotals(filters: UsageFilters) {
  return useQuery(modelTotalsQueryOptions(filters));
}
