import { ADMIN_ROUTES, type Page, type UsageRecord } from '@apilink/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../../lib/api-client';
import { USER_HISTORY_PAGE_SIZE, usersKeys } from './users-keys';

export const userUsageQueryOptions = (userId: string, page: number) =>
  queryOptions({
    queryKey: usersKeys.usage(userId, page),
    queryFn: ({ signal }) =>
      apiRequest<Page<UsageRecord>>(ADMIN_ROUTES.userUsage(userId), { signal, query: { page, pageSize: USER_HISTORY_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

export function useUserUsage(userId: string, page: number) {
  return useQuery(userUsageQueryOptions(userId, page));
}
