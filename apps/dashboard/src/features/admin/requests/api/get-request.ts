import { ADMIN_ROUTES, type AdminRequestDetail } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../../lib/api-client';
import { adminKeys } from '../../admin-keys';

export const requestsKeys = {
  all: [...adminKeys.all, 'requests'] as const,
  detail: (requestId: string) => [...requestsKeys.all, requestId] as const,
};

/** Any account's request by the X-Request-Id a customer quotes; a 404 is an answer, not worth a retry. */
export const requestQueryOptions = (requestId: string) =>
  queryOptions({
    queryKey: requestsKeys.detail(requestId),
    queryFn: ({ signal }) => apiRequest<AdminRequestDetail>(ADMIN_ROUTES.request(requestId), { signal }),
    retry: false,
  });

export function useRequestDetail(requestId: string | undefined) {
  return useQuery({ ...requestQueryOptions(requestId ?? ''), enabled: Boolean(requestId) });
}
