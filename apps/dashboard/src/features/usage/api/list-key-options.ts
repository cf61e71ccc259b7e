import { KEY_ROUTES, type ApiKeyList } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { usageKeys } from './usage-keys';

export interface KeyOption {
  id: string;
  name: string;
  displayKey: string;
}

/** Key names for the filter and the table (the usage log stores key ids only). */
export const keyOptionsQueryOptions = () =>
  queryOptions({
    queryKey: usageKeys.keyOptions(),
    queryFn: async ({ signal }): Promise<KeyOption[]> =>
      (await apiRequest<ApiKeyList>(KEY_ROUTES.list, { signal })).data.map(({ id, name, displayKey }) => ({ id, name, displayKey })),
    staleTime: 60_000,
  });

export function useKeyOptions() {
  return useQuery(keyOptionsQueryOptions());
}
