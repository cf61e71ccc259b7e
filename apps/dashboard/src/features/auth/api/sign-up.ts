import { AUTH_ROUTES, type SessionResponse, type SignupRequest } from '@apilink/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { rememberSession } from './get-current-user';

export function signUp(body: SignupRequest): Promise<SessionResponse> {
  return apiRequest<SessionResponse>(AUTH_ROUTES.signup, { method: 'POST', body, expectUnauthenticated: true });
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signUp,
    onSuccess: ({ user }) => rememberSession(queryClient, user),
  });
}
