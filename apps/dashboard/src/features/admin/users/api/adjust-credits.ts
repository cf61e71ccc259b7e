import { ADMIN_ROUTES, type CreditAdjustmentRequest, type CreditAdjustmentResponse } from '@apilink/contracts';
import { apiRequest } from '../../../../lib/api-client';
import { useStaffMutation } from '../../use-staff-mutation';

export function adjustCredits({ userId, body }: { userId: string; body: CreditAdjustmentRequest }): Promise<CreditAdjustmentResponse> {
  return apiRequest<CreditAdjustmentResponse>(ADMIN_ROUTES.creditAdjustments(userId), { method: 'POST', body });
}

export function useAdjustCredits() {
  return useStaffMutation(adjustCredits);
}
