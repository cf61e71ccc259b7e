import { ADMIN_ROUTES, type AdminModel, type UpdateAdminModelRequest } from '@apilink/contracts';
import { apiRequest } from '../../../../lib/api-client';
import { useStaffMutation } from '../../use-staff-mutation';

export function updateCatalogModel({ modelId, body }: { modelId: string; body: UpdateAdminModelRequest }): Promise<AdminModel> {
  return apiRequest<AdminModel>(ADMIN_ROUTES.model(modelId), { method: 'PATCH', body });
}

export function useUpdateCatalogModel() {
  return useStaffMutation(updateCatalogModel);
}
