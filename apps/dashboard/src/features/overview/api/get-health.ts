import { HEALTH_PATH, type HealthResponse } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { overviewKeys } from './overview-keys';

export const healthQueryOptions = () =>
  queryOptions({
    queryKey: overviewKeys.health(),
    queryFn: ({ signal }) => apiRequest<HealthResponse>(HEALTH_PATH, { signal }),
    refetchInterval: 30_000,
    retry: false,
  });

export function useHealth() {
  return useQuery(healthQueryOptions());
}
