import { ADMIN_ROUTES, type ApiKeyList, type ApiKeySummary } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../../lib/api-client';
import { usersKeys } from './users-keys';

/** The account's keys as their display form only: the API never returns a secret. */
export const userKeysQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: usersKeys.keys(userId),
    queryFn: async ({ signal }): Promise<ApiKeySummary[]> => (await apiRequest<ApiKeyList>(ADMIN_ROUTES.userKeys(userId), { signal })).data,
  });

export function useUserKeys(userId: string) {
  return useQuery(userKeysQueryOptions(userId));
}
