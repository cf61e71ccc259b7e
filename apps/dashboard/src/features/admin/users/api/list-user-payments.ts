import { ADMIN_ROUTES, type Payment, type PaymentList } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../../lib/api-client';
import { usersKeys } from './users-keys';

export const userPaymentsQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: usersKeys.payments(userId),
    queryFn: async ({ signal }): Promise<Payment[]> => (await apiRequest<PaymentList>(ADMIN_ROUTES.userPayments(userId), { signal })).data,
  });

export function useUserPayments(userId: string) {
  return useQuery(userPaymentsQueryOptions(userId));
}
