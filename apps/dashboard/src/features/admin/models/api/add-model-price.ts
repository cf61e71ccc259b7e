import { ADMIN_ROUTES, type AdminModel, type NewModelPriceRequest } from '@apilink/contracts';
import { apiRequest } from '../../../../lib/api-client';
import { useStaffMutation } from '../../use-staff-mutation';

/** A new price version, in force from now: requests already made keep the price they were charged. */
export function addModelPrice({ modelId, body }: { modelId: string; body: NewModelPriceRequest }): Promise<AdminModel> {
  return apiRequest<AdminModel>(ADMIN_ROUTES.modelPrices(modelId), { method: 'POST', body });
}

export function useAddModelPrice() {
  return useStaffMutation(addModelPrice);
}
