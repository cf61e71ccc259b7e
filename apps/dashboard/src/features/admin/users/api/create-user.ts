import { ADMIN_ROUTES, type CreatedUser, type CreateUserRequest } from '@apilink/contracts';
import { apiRequest } from '../../../../lib/api-client';
import { useStaffMutation } from '../../use-staff-mutation';

export function createUser(body: CreateUserRequest): Promise<CreatedUser> {
  return apiRequest<CreatedUser>(ADMIN_ROUTES.users, { method: 'POST', body });
}

export function useCreateUser() {
  return useStaffMutation(createUser);
}
