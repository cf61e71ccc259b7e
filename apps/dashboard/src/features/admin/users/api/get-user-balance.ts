import { ADMIN_ROUTES, type BalanceResponse } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../../lib/api-client';
import { usersKeys } from './users-keys';

export const userBalanceQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: usersKeys.balance(userId),
    queryFn: ({ signal }) => apiRequest<BalanceResponse>(ADMIN_ROUTES.userBalance(userId), { signal }),
  });

export function useUserBalance(userId: string) {
  return useQuery(userBalanceQueryOptions(userId));
}
