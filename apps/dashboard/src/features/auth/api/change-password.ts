import { AUTH_ROUTES, type ChangePasswordRequest } from '@apilink/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return apiRequest<void>(AUTH_ROUTES.changePassword, { method: 'POST', body });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
