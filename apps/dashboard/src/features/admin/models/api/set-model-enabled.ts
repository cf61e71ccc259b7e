import { ADMIN_ROUTES, type AdminModel } from '@apilink/contracts';
import { apiRequest } from '../../../../lib/api-client';
import { useStaffMutation } from '../../use-staff-mutation';

/** Deactivating stops listing and serving the model on every instance; activating sells it again. */
export function setModelEnabled({ modelId, enabled, reason }: { modelId: string; enabled: boolean; reason?: string }): Promise<AdminModel> {
  const path = enabled ? ADMIN_ROUTES.activateModel(modelId) : ADMIN_ROUTES.deactivateModel(modelId);
  return apiRequest<AdminModel>(path, { method: 'POST', body: { reason } });
}

export function useSetModelEnabled() {
  return useStaffMutation(setModelEnabled);
}
