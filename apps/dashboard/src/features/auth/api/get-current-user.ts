import { AUTH_ROUTES, type CurrentUser, type SessionResponse } from '@apilink/contracts';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { resetSessionExpired } from '../../../lib/session-events';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

/** The signed-in user, or null when there is no session (not an error: it sends you to log in). */
export async function getCurrentUser(signal?: AbortSignal): Promise<CurrentUser | null> {
  try {
    const body = await apiRequest<SessionResponse>(AUTH_ROUTES.me, { signal, expectUnauthenticated: true });
    return body.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const currentUserQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me,
    queryFn: ({ signal }) => getCurrentUser(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });

export function useCurrentUser() {
  return useQuery(currentUserQueryOptions());
}

/** After login or sign-up: drop anything cached for a previous account, then remember this one. */
export function rememberSession(queryClient: QueryClient, user: CurrentUser | null): void {
  resetSessionExpired();
  queryClient.clear();
  queryClient.setQueryData(authKeys.me, user);
}

/** Mirror on the cached user what the server now says about its one-time password (a staff reset, or one's own change). */
export function setPasswordChangeRequired(queryClient: QueryClient, value: boolean): void {
  queryClient.setQueryData<CurrentUser | null>(authKeys.me, (user) => (user ? { ...user, passwordChangeRequired: value } : user));
}
