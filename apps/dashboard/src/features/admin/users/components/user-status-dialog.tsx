import type { AdminUser } from '@apilink/contracts';
import { ActionDialog } from '../../components/action-dialog';
import { useSetUserStatus } from '../api/set-user-status';

interface UserStatusDialogProps {
  open: boolean;
  user: AdminUser;
  onClose: () => void;
  onDone: (user: AdminUser) => void;
}

/** Disables an active account or re-enables a disabled one, whichever it is now. */
export function UserStatusDialog({ open, user, onClose, onDone }: UserStatusDialogProps) {
  const setStatus = useSetUserStatus();
  const disabling = user.status === 'active';
  return (
    <ActionDialog
      open={open}
      title={disabling ? 'Disable account?' : 'Enable account?'}
      testId="user-status-dialog"
      confirmLabel={disabling ? 'Disable account' : 'Enable account'}
      pendingLabel={disabling ? 'Disabling…' : 'Enabling…'}
      failureTitle={disabling ? 'The account was not disabled' : 'The account was not enabled'}
      danger={disabling}
      mutation={setStatus}
      run={(reason) => setStatus.mutateAsync({ userId: user.id, disabled: disabling, reason })}
      onDone={onDone}
      onClose={onClose}
    >
      {disabling ? (
        <p>
          <strong>{user.email}</strong> is logged out and every API key of the account stops working within a second. Nothing is deleted:
          enabling the account again brings back its unrevoked keys.
        </p>
      ) : (
        <p>
          <strong>{user.email}</strong> can log in again, and the account&apos;s unrevoked API keys work again.
        </p>
      )}
    </ActionDialog>
  );
}
