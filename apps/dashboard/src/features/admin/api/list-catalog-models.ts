import { ADMIN_ROUTES, type AdminModel, type AdminModelList } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { catalogKeys } from './catalog-keys';

/** The whole catalog (a few hundred models), switched on or off, with prices and routes. */
export const catalogModelsQueryOptions = () =>
  queryOptions({
    queryKey: catalogKeys.list(),
    queryFn: async ({ signal }): Promise<AdminModel[]> => (await apiRequest<AdminModelList>(ADMIN_ROUTES.models, { signal })).data,
  });

export function useCatalogModels() {
  return useQuery(catalogModelsQueryOptions());
}
