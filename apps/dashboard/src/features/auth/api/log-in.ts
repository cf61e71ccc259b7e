import { AUTH_ROUTES, type LoginRequest, type SessionResponse } from '@apilink/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { rememberSession } from './get-current-user';

export function logIn(body: LoginRequest): Promise<SessionResponse> {
  // A wrong password is a 401 the form shows, not an expired session.
  return apiRequest<SessionResponse>(AUTH_ROUTES.login, { method: 'POST', body, expectUnauthenticated: true });
}

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logIn,
    onSuccess: ({ user }) => rememberSession(queryClient, user),
  });
}
