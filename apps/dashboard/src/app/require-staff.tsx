import { Link, Outlet } from 'react-router-dom';
import { Alert } from '../components/alert';
import { PageHeader } from '../components/page-header';
import { useCurrentUser } from '../features/auth/api/get-current-user';
import { isStaffRole, type StaffOutletContext } from '../features/admin/staff-context';

/**
 * Staff pages for support and admins (`adminOnly`: admins alone). Anyone else opening one by URL
 * gets a plain 403 page; the API refuses them too, this only spares them a page of errors.
 */
export function RequireStaff({ adminOnly = false }: { adminOnly?: boolean }) {
  const { data: user } = useCurrentUser();
  if (!user || !isStaffRole(user.role) || (adminOnly && user.role !== 'admin')) {
    return (
      <div data-testid="forbidden">
        <PageHeader title={adminOnly ? 'Admins only' : 'Staff only'} />
        <div className="stack narrow">
          <Alert tone="warning" title="You cannot open this page (403)">
            {adminOnly
              ? 'It is for ApiLink administrators. Ask an admin if you need something changed here.'
              : 'It is for ApiLink support staff and administrators.'}
          </Alert>
          <div>
            <Link to="/" className="button button--secondary">
              Go to the overview
            </Link>
          </div>
        </div>
      </div>
    );
  }
  const context: StaffOutletContext = { viewer: { ...user, role: user.role } };
  return <Outlet context={context} />;
}
