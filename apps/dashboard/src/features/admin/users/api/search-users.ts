import { ADMIN_ROUTES, type AdminUser, type Page } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../../lib/api-client';
import { usersKeys } from './users-keys';

export const USER_SEARCH_PAGE_SIZE = 25;

/** Any part of the email, case-insensitive; an empty search lists every account, newest first. */
export function searchUsers(email: string, page: number, pageSize = USER_SEARCH_PAGE_SIZE, signal?: AbortSignal): Promise<Page<AdminUser>> {
  return apiRequest<Page<AdminUser>>(ADMIN_ROUTES.users, { signal, query: { email, page, pageSize } });
}

export const searchUsersQueryOptions = (email: string, page: number) =>
  queryOptions({
    queryKey: usersKeys.search(email, page),
    queryFn: ({ signal }) => searchUsers(email, page, USER_SEARCH_PAGE_SIZE, signal),
    // Paging keeps the current rows on screen while the next page loads; a new search does not,
    // or the old results would stand under the new search's title.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3] === email ? previous : undefined),
  });

export function useSearchUsers(email: string, page: number) {
  return useQuery(searchUsersQueryOptions(email, page));
}
