import { ADMIN_ROUTES, type ApiKeySummary } from '@apilink/contracts';
import { apiRequest } from '../../../../lib/api-client';
import { useStaffMutation } from '../../use-staff-mutation';

export function revokeUserKey({ userId, keyId, reason }: { userId: string; keyId: string; reason?: string }): Promise<ApiKeySummary> {
  return apiRequest<ApiKeySummary>(ADMIN_ROUTES.revokeUserKey(userId, keyId), { method: 'POST', body: { reason } });
}

export function useRevokeUserKey() {
  return useStaffMutation(revokeUserKey);
}
