import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card } from '../../../../components/card';
import { PageHeader } from '../../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/query-state';
import { LookupForm } from '../../components/lookup-form';
import { PageNav } from '../../components/page-nav';
import { useStaffViewer } from '../../staff-context';
import { useSearchUsers } from '../api/search-users';
import { CreateUserDialog } from '../components/create-user-dialog';
import { UsersTable } from '../components/users-table';

export function UsersRoute() {
  // The search lives in the URL, so "back" from a user's page returns to the same results.
  const [params, setParams] = useSearchParams();
  const email = params.get('email') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const users = useSearchUsers(email, page);
  const viewer = useStaffViewer();
  const [creating, setCreating] = useState(false);

  const go = (nextEmail: string, nextPage: number) => {
    const next = new URLSearchParams();
    if (nextEmail) next.set('email', nextEmail);
    if (nextPage > 1) next.set('page', String(nextPage));
    setParams(next);
  };

  return (
    <>
      <PageHeader
        title="Users"
        description="Find an account by any part of its email address to see its keys, balance, payments and requests, and to act on it."
        actions={
          // Creating accounts is for admins (the API answers support 403).
          viewer.role === 'admin' ? (
            <button type="button" className="button" onClick={() => setCreating(true)}>
              Create account
            </button>
          ) : null
        }
      />
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
      <div className="stack">
        <Card>
          {/* Keyed by the URL's search so back/forward shows the search in effect. */}
          <LookupForm
            key={email}
            name="Search users"
            label="Email"
            buttonLabel="Search"
            placeholder="name@company.com"
            initial={email}
            allowEmpty
            onSubmit={(next) => go(next, 1)}
          />
        </Card>
        <Card title={email ? `Accounts matching “${email}”` : 'All accounts'} flush>
          {users.isPending ? (
            <LoadingState label="Searching…" />
          ) : users.error ? (
            <ErrorState error={users.error} title="Could not search the users" onRetry={() => void users.refetch()} />
          ) : users.data.total === 0 ? (
            <EmptyState title={email ? 'No account matches' : 'No accounts yet'}>
              {email ? 'Check the spelling, or search for a shorter part such as the domain.' : 'Accounts appear here once people sign up.'}
            </EmptyState>
          ) : (
            <>
              <UsersTable users={users.data.data} />
              <PageNav
                page={page}
                pageSize={users.data.pageSize}
                total={users.data.total}
                noun="accounts"
                onPage={(next) => go(email, next)}
              />
            </>
          )}
        </Card>
      </div>
    </>
  );
}
