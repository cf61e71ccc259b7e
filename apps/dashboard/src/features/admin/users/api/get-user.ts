import { ADMIN_ROUTES, type AdminUser } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../../lib/api-client';
import { usersKeys } from './users-keys';

export const userQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: usersKeys.profile(userId),
    queryFn: ({ signal }) => apiRequest<AdminUser>(ADMIN_ROUTES.user(userId), { signal }),
  });

export function useUser(userId: string) {
  return useQuery(userQueryOptions(userId));
}
