import { ADMIN_ROUTES, type AdminUser, type ChangeRoleRequest } from '@apilink/contracts';
import { apiRequest } from '../../../../lib/api-client';
import { useStaffMutation } from '../../use-staff-mutation';

export function changeUserRole({ userId, body }: { userId: string; body: ChangeRoleRequest }): Promise<AdminUser> {
  return apiRequest<AdminUser>(ADMIN_ROUTES.userRole(userId), { method: 'PUT', body });
}

export function useChangeUserRole() {
  return useStaffMutation(changeUserRole);
}
