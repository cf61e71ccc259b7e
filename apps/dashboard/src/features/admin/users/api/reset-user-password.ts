import { ADMIN_ROUTES, type ResetPasswordResponse } from '@apilink/contracts';
import { apiRequest } from '../../../../lib/api-client';
import { useStaffMutation } from '../../use-staff-mutation';

/** A new one-time password, answered once; the account is flagged again and logged out everywhere. */
export function resetUserPassword({ userId, reason }: { userId: string; reason?: string }): Promise<ResetPasswordResponse> {
  return apiRequest<ResetPasswordResponse>(ADMIN_ROUTES.resetUserPassword(userId), { method: 'POST', body: { reason } });
}

export function useResetUserPassword() {
  return useStaffMutation(resetUserPassword);
}
