import type { CatalogModel, CatalogModelList } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { MODELS_PATH } from '../../../lib/internal-routes';

/** Active models with prices per 1M tokens (the dashboard's view of the catalog). */
export async function listModels(signal?: AbortSignal): Promise<CatalogModel[]> {
  return (await apiRequest<CatalogModelList>(MODELS_PATH, { signal })).data;
}

export const modelsQueryOptions = () =>
  queryOptions({ queryKey: ['models', 'list'] as const, queryFn: ({ signal }) => listModels(signal), staleTime: 5 * 60_000 });

export function useModels() {
  return useQuery(modelsQueryOptions());
}
