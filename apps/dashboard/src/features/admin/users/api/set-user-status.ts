import { ADMIN_ROUTES, type AdminUser } from '@apilink/contracts';
import { apiRequest } from '../../../../lib/api-client';
import { useStaffMutation } from '../../use-staff-mutation';

/** Disabling ends the user's sessions and stops their keys; enabling lets unrevoked keys work again. */
export function setUserStatus({ userId, disabled, reason }: { userId: string; disabled: boolean; reason?: string }): Promise<AdminUser> {
  const path = disabled ? ADMIN_ROUTES.disableUser(userId) : ADMIN_ROUTES.enableUser(userId);
  return apiRequest<AdminUser>(path, { method: 'POST', body: { reason } });
}

export function useSetUserStatus() {
  return useStaffMutation(setUserStatus);
}
