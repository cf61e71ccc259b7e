import { ADMIN_ROUTES, type AdminModel } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../../lib/api-client';
import { catalogKeys } from '../../api/catalog-keys';

export const catalogModelQueryOptions = (modelId: string) =>
  queryOptions({
    queryKey: catalogKeys.model(modelId),
    queryFn: ({ signal }) => apiRequest<AdminModel>(ADMIN_ROUTES.model(modelId), { signal }),
  });

export function useCatalogModel(modelId: string) {
  return useQuery(catalogModelQueryOptions(modelId));
}
