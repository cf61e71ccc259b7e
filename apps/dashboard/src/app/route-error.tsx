import { useRouteError } from 'react-router-dom';
import { ErrorState } from '../components/query-state';

/** Shown when a page crashes or its code fails to load (e.g. after a deploy). */
export function RouteError() {
  const error = useRouteError();
  return <ErrorState error={error} title="This page failed to load" onRetry={() => window.location.reload()} />;
}
