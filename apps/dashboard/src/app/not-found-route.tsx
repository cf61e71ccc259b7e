import { Link } from 'react-router-dom';
import { EmptyState } from '../components/query-state';

export function NotFoundRoute() {
  return (
    <EmptyState title="Page not found" action={<Link to="/">Go to the overview</Link>}>
      The page you asked for does not exist.
    </EmptyState>
  );
}
