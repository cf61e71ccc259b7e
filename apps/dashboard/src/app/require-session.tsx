import { Navigate, Outlet, useLocation, type Location } from 'react-router-dom';
import { ErrorState, LoadingState } from '../components/query-state';
import { useCurrentUser } from '../features/auth/api/get-current-user';
import { safeNext } from '../features/auth/routes/safe-next';
import { wasSessionExpired } from '../lib/session-events';

/** Pages inside the app need a session; without one, log in first and come back. */
export function RequireSession() {
  const location = useLocation();
  const { data: user, isPending, error, refetch } = useCurrentUser();
  if (isPending) return <LoadingState label="Loading your account…" />;
  if (error) return <ErrorState error={error} title="Could not reach ApiLink" onRetry={() => void refetch()} />;
  if (!user) {
    const params = new URLSearchParams();
    const next = `${location.pathname}${location.search}`;
    if (next !== '/') params.set('next', next);
    if (wasSessionExpired()) params.set('expired', '1');
    const search = params.toString();
    return <Navigate to={search ? `/login?${search}` : '/login'} replace />;
  }
  if (user.passwordChangeRequired) return <Navigate to={withNext('/choose-password', location)} replace />;
  return <Outlet />;
}

/**
 * The "Choose a new password" screen: only for a session that still has a one-time password from
 * staff (every other page would meet 403s), and left for where the person was going once it is replaced.
 */
export function RequirePasswordChange() {
  const location = useLocation();
  const { data: user, isPending, error, refetch } = useCurrentUser();
  if (isPending) return <LoadingState label="Loading your account…" />;
  if (error) return <ErrorState error={error} title="Could not reach ApiLink" onRetry={() => void refetch()} />;
  if (!user) return <Navigate to="/login" replace />;
  if (!user.passwordChangeRequired) return <Navigate to={safeNext(new URLSearchParams(location.search).get('next'))} replace />;
  return <Outlet />;
}

function withNext(path: string, location: Location): string {
  const next = `${location.pathname}${location.search}`;
  return next === '/' ? path : `${path}?${new URLSearchParams({ next }).toString()}`;
}

/** Log in and sign up are for visitors; a signed-in user goes straight to the app. */
export function GuestOnly() {
  const { data: user, isPending } = useCurrentUser();
  if (isPending) return <LoadingState />;
  if (user) return <Navigate to="/" replace />;
  return <Outlet />;
}
