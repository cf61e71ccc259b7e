import { ADMIN_ROUTES, type UpstreamAccount, type UpstreamAccountList } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../../lib/api-client';
import { adminKeys } from '../../admin-keys';

export const upstreamsKeys = {
  all: [...adminKeys.all, 'upstreams'] as const,
  list: () => [...upstreamsKeys.all, 'list'] as const,
};

/** Accounts with their keys as the last 4 characters only: the API never returns a key. */
export const upstreamsQueryOptions = () =>
  queryOptions({
    queryKey: upstreamsKeys.list(),
    queryFn: async ({ signal }): Promise<UpstreamAccount[]> =>
      (await apiRequest<UpstreamAccountList>(ADMIN_ROUTES.upstreams, { signal })).data,
  });

export function useUpstreams() {
  return useQuery(upstreamsQueryOptions());
}
