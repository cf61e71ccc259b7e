import { BILLING_ROUTES, type Page, type UsageFilters, type UsageRecord } from '@apilink/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { usageKeys } from './usage-keys';

export const USAGE_PAGE_SIZE = 50;

export const usageQueryOptions = (filters: UsageFilters, page: number, pageSize = USAGE_PAGE_SIZE) =>
  queryOptions({
    queryKey: usageKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) => apiRequest<Page<UsageRecord>>(BILLING_ROUTES.usage, { signal, query: { ...filters, page, pageSize } }),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });

export function useUsage(filters: UsageFilters, page: number) {
  return useQuery(usageQueryOptions(filters, page));
}
