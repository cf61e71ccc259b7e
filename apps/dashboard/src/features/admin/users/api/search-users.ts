import { queryOptions, useQuery } from '@tanstack/react-query';
import { searchUsers, USER_SEARCH_PAGE_SIZE } from '../../api/search-users';
import { usersKeys } from './users-keys';

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
