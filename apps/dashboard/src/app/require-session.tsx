import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ErrorState, LoadingState } from '../components/query-state';
import { useCurrentUser } from '../features/auth/api/get-current-user';
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
  return <Outlet />;
}

/** Log in and sign up are for visitors; a signed-in user goes straight to the app. */
export function GuestOnly() {
  const { data: user, isPending } = useCurrentUser();
  if (isPending) return <LoadingState />;
  if (user) return <Navigate to="/" replace />;
  return <Outlet />;
}
