import { AUTH_ROUTES, type ChangePasswordRequest } from '@apilink/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { setPasswordChangeRequired } from './get-current-user';

export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return apiRequest<void>(AUTH_ROUTES.changePassword, { method: 'POST', body });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // A one-time password is gone now: the server lifted the limit on this session, so does the app.
    onSuccess: () => setPasswordChangeRequired(queryClient, false),
  });
}
