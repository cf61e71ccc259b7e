import { KEY_ROUTES, type ApiKeyList, type ApiKeySummary } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const keysKeys = {
  all: ['keys'] as const,
  list: () => [...keysKeys.all, 'list'] as const,
};

export async function listKeys(signal?: AbortSignal): Promise<ApiKeySummary[]> {
  return (await apiRequest<ApiKeyList>(KEY_ROUTES.list, { signal })).data;
}

export const keysQueryOptions = () => queryOptions({ queryKey: keysKeys.list(), queryFn: ({ signal }) => listKeys(signal) });

export function useKeys() {
  return useQuery(keysQueryOptions());
}
