import { ADMIN_ROUTES, type LedgerEntry, type Page } from '@apilink/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../../lib/api-client';
import { USER_HISTORY_PAGE_SIZE, usersKeys } from './users-keys';

export const userLedgerQueryOptions = (userId: string, page: number) =>
  queryOptions({
    queryKey: usersKeys.ledger(userId, page),
    queryFn: ({ signal }) =>
      apiRequest<Page<LedgerEntry>>(ADMIN_ROUTES.userLedger(userId), { signal, query: { page, pageSize: USER_HISTORY_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

export function useUserLedger(userId: string, page: number) {
  return useQuery(userLedgerQueryOptions(userId, page));
}
