import { Link } from 'react-router-dom';

export function Brand({ to = '/' }: { to?: string }) {
  return (
    <Link to={to} className="brand" aria-label="ApiLink home">
      <span className="brand__mark" aria-hidden="true">
        A
      </span>
      <span>ApiLink</span>
    </Link>
  );
}
