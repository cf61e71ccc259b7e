/**
 * The active models with prices (GET MODEL_ROUTES.catalog): listed on the models page and read for the
 * snippets' example model, cached under one key.
 */
import { MODEL_ROUTES, type CatalogModel, type CatalogModelList } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../lib/api-client';

export const modelsKey = ['models', 'list'] as const;

export async function listModels(signal?: AbortSignal): Promise<CatalogModel[]> {
  return (await apiRequest<CatalogModelList>(MODEL_ROUTES.catalog, { signal })).data;
}

export const modelsQueryOptions = () =>
  queryOptions({ queryKey: modelsKey, queryFn: ({ signal }) => listModels(signal), staleTime: 5 * 60_000 });

export function useModels() {
  return useQuery(modelsQueryOptions());
}
