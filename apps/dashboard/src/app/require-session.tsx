import type { CurrentUser } from '@apilink/contracts';
import type { ReactElement } from 'react';
import { Navigate, Outlet, useLocation, type Location } from 'react-router-dom';
import { ErrorState, LoadingState } from '../components/query-state';
import { useCurrentUser } from '../features/auth/api/get-current-user';
import { safeNext } from '../features/auth/routes/safe-next';
import { wasSessionExpired } from '../lib/session-events';

/** Pages inside the app need a session; without one, log in first and come back. */
export function RequireSession() {
  const location = useLocation();
  const { user, waiting } = useLoadedUser();
  if (waiting) return waiting;
  if (!user) return <Navigate to={withNext('/login', location, wasSessionExpired() ? { expired: '1' } : {})} replace />;
  if (user.passwordChangeRequired) return <Navigate to={withNext('/choose-password', location)} replace />;
  return <Outlet />;
}

/**
 * The "Choose a new password" screen: only for a session that still has a one-time password from
 * staff (every other page would meet 403s), and left for where the person was going once it is replaced.
 */
export function RequirePasswordChange() {
  const location = useLocation();
  const { user, waiting } = useLoadedUser();
  if (waiting) return waiting;
  if (!user) return <Navigate to="/login" replace />;
  if (!user.passwordChangeRequired) return <Navigate to={safeNext(new URLSearchParams(location.search).get('next'))} replace />;
  return <Outlet />;
}

/** The current user once the session is known; until then, the screen a guard shows instead (loading, or an error to retry). */
function useLoadedUser(): { waiting: ReactElement; user?: undefined } | { waiting: null; user: CurrentUser | null } {
  const { data: user, isPending, error, refetch } = useCurrentUser();
  if (isPending) return { waiting: <LoadingState label="Loading your account…" /> };
  if (error) return { waiting: <ErrorState error={error} title="Could not reach ApiLink" onRetry={() => void refetch()} /> };
  return { waiting: null, user };
}

/** `path` with the page the person was on as `next` (left out for the home page), then any `extra` params. */
function withNext(path: string, location: Location, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  const next = `${location.pathname}${location.search}`;
  if (next !== '/') params.set('next', next);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Log in and sign up are for visitors; a signed-in user goes straight to the app. */
export function GuestOnly() {
  const { data: user, isPending } = useCurrentUser();
  if (isPending) return <LoadingState />;
  if (user) return <Navigate to="/" replace />;
  return <Outlet />;
}
