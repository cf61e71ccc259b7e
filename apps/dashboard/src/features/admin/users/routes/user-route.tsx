import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert } from '../../../../components/alert';
import { PageHeader } from '../../../../components/page-header';
import { ErrorState, LoadingState } from '../../../../components/query-state';
import { ApiError } from '../../../../lib/api-client';
import { formatDate, formatUsd } from '../../../../lib/format';
import { AccountStatusBadge, OneTimePasswordBadge, RoleBadge } from '../../components/account-badges';
import { useStaffViewer } from '../../staff-context';
import { useStaffSettings } from '../../use-staff-settings';
import { useUser } from '../api/get-user';
import { useUserBalance } from '../api/get-user-balance';
import { useUserKeys } from '../api/list-user-keys';
import { ChangeRoleDialog } from '../components/change-role-dialog';
import { CreditAdjustmentDialog } from '../components/credit-adjustment-dialog';
import { ResetPasswordDialog } from '../components/reset-password-dialog';
import { UserBalanceStats } from '../components/user-balance-stats';
import { UserHistoryCard } from '../components/user-history-card';
import { UserKeysCard } from '../components/user-keys-card';
import { UserStatusDialog } from '../components/user-status-dialog';

type OpenDialog = 'credits' | 'status' | 'role' | 'password' | null;

export function UserRoute() {
  const userId = useParams().userId ?? '';
  // Keyed by id: moving to another account starts without the last one's notice or dialog.
  return <UserPage key={userId} userId={userId} />;
}

function UserPage({ userId }: { userId: string }) {
  const viewer = useStaffViewer();
  const user = useUser(userId);
  const balance = useUserBalance(userId);
  const keys = useUserKeys(userId);
  const settings = useStaffSettings(viewer.role === 'support');
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // What the last action did, said once above the page (a screen reader hears it too).
  const [notice, setNotice] = useState<string | null>(null);

  if (user.isPending) return <LoadingState label="Loading the account…" />;
  if (user.error) {
    const missing = user.error instanceof ApiError && user.error.status === 404;
    return (
      <>
        <PageHeader title="Account" description={<Link to="/staff/users">Back to users</Link>} />
        <ErrorState
          error={user.error}
          title={missing ? 'No account with this id' : 'Could not load the account'}
          onRetry={missing ? undefined : () => void user.refetch()}
        />
      </>
    );
  }

  const account = user.data;
  const self = account.id === viewer.id;
  // Support acts on customers only; nobody disables themselves, resets their own password or changes their own role.
  // Disabling and resetting a password are the same power over someone's access, hence one flag.
  const canManageAccess = !self && (viewer.role === 'admin' || account.role === 'customer');
  const canChangeRole = !self && viewer.role === 'admin';

  return (
    <>
      <PageHeader
        title={account.email}
        description={
          <span className="row" data-testid="user-summary">
            <RoleBadge role={account.role} />
            <AccountStatusBadge status={account.status} />
            {account.passwordChangeRequired ? <OneTimePasswordBadge /> : null}
            <span>Joined {formatDate(account.createdAt)}</span>
            {account.disabledAt ? <span>· disabled {formatDate(account.disabledAt)}</span> : null}
            <code className="subtle">{account.id}</code>
          </span>
        }
        actions={
          <>
            <button type="button" className="button" onClick={() => setDialog('credits')}>
              Adjust credits
            </button>
            {canManageAccess ? (
              <button type="button" className="button button--secondary" onClick={() => setDialog('status')}>
                {account.status === 'active' ? 'Disable account' : 'Enable account'}
              </button>
            ) : null}
            {canManageAccess ? (
              <button type="button" className="button button--secondary" onClick={() => setDialog('password')}>
                Reset password
              </button>
            ) : null}
            {canChangeRole ? (
              <button type="button" className="button button--secondary" onClick={() => setDialog('role')}>
                Change role
              </button>
            ) : null}
          </>
        }
      />
      <div className="stack">
        {notice ? <Alert tone="success" title={notice} /> : null}
        {account.status === 'disabled' ? (
          <Alert tone="warning" title="This account is disabled">
            The user cannot log in and their API keys are refused until the account is enabled again.
          </Alert>
        ) : null}
        <UserBalanceStats balance={balance.data} error={balance.error} onRetry={() => void balance.refetch()} />
        <UserKeysCard userId={userId} />
        <UserHistoryCard userId={userId} keys={keys.data ?? []} />
      </div>
      <CreditAdjustmentDialog
        open={dialog === 'credits'}
        user={account}
        balance={balance.data}
        viewerRole={viewer.role}
        supportLimitMicros={settings.data?.supportCreditAdjustmentLimit.micros ?? null}
        onClose={() => setDialog(null)}
        onAdjusted={(result) => {
          setDialog(null);
          const amount = BigInt(result.amount.micros);
          setNotice(
            `${amount > 0n ? 'Added' : 'Removed'} ${formatUsd(amount > 0n ? amount : -amount)}. The balance is now ${formatUsd(result.balance.balance.micros)}.`,
          );
        }}
      />
      <UserStatusDialog
        open={dialog === 'status'}
        user={account}
        onClose={() => setDialog(null)}
        onDone={(updated) => {
          setDialog(null);
          // Disabling has its own banner below; a second, green one would repeat it.
          setNotice(updated.status === 'disabled' ? null : 'The account is enabled again.');
        }}
      />
      <ResetPasswordDialog open={dialog === 'password'} user={account} onClose={() => setDialog(null)} />
      <ChangeRoleDialog
        open={dialog === 'role'}
        user={account}
        onClose={() => setDialog(null)}
        onDone={(updated) => {
          setDialog(null);
          setNotice(`The role is now ${updated.role}.`);
        }}
      />
    </>
  );
}
