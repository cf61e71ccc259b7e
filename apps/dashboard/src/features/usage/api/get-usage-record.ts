import { BILLING_ROUTES, type UsageRecord } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { usageKeys } from './usage-keys';

/** One request by its id (the `x-request-id` header of any gateway response). */
export const usageRecordQueryOptions = (requestId: string) =>
  queryOptions({
    queryKey: usageKeys.request(requestId),
    queryFn: ({ signal }) => apiRequest<UsageRecord>(BILLING_ROUTES.usageByRequest(requestId), { signal }),
    retry: false,
  });

export function useUsageRecord(requestId: string | null) {
  return useQuery({ ...usageRecordQueryOptions(requestId ?? ''), enabled: Boolean(requestId) });
}
