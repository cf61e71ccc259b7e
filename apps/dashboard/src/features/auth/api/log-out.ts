import { AUTH_ROUTES } from '@apilink/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { rememberSession } from './get-current-user';

export function logOut(): Promise<void> {
  return apiRequest<void>(AUTH_ROUTES.logout, { method: 'POST', expectUnauthenticated: true });
}

export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOut,
    // Forget everything cached for this account, even when the server call failed.
    onSettled: () => rememberSession(queryClient, null),
  });
}
