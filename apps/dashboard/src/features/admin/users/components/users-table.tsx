import type { AdminUser } from '@apilink/contracts';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../../components/data-table';
import { formatDate } from '../../../../lib/format';
import { AccountStatusBadge, RoleBadge } from '../../components/account-badges';
import { userPath } from '../../user-path';

export function UsersTable({ users }: { users: AdminUser[] }) {
  return (
    <DataTable columns={[{ label: 'Email' }, { label: 'Role' }, { label: 'Status' }, { label: 'Joined' }]} testId="users-table">
      {users.map((user) => (
        <tr key={user.id} data-user-email={user.email}>
          <td data-label="Email">
            <Link to={userPath(user.id)} className="break">
              {user.email}
            </Link>
          </td>
          <td data-label="Role">
            <RoleBadge role={user.role} />
          </td>
          <td data-label="Status">
            <AccountStatusBadge status={user.status} />
          </td>
          <td data-label="Joined" className="nowrap">
            {formatDate(user.createdAt)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
