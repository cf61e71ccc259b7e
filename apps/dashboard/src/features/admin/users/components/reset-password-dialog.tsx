/**
 * Resets a customer's password: a confirm step (with a reason for the audit log), then the new
 * one-time password, shown once.
 */
import type { AdminUser, ResetPasswordResponse } from '@apilink/contracts';
import { useState } from 'react';
import { Dialog } from '../../../../components/dialog';
import { ActionDialog } from '../../components/action-dialog';
import { useResetUserPassword } from '../api/reset-user-password';
import { OneTimePasswordNotice } from './one-time-password-notice';
import { CloseActions } from '../../../../components/form-actions';

interface ResetPasswordDialogProps {
  open: boolean;
  user: AdminUser;
  onClose: () => void;
}

export function ResetPasswordDialog({ open, user, onClose }: ResetPasswordDialogProps) {
  const reset = useResetUserPassword();
  const [result, setResult] = useState<ResetPasswordResponse | null>(null);
  const close = () => {
    setResult(null);
    onClose();
  };
  if (result) {
    return (
      <Dialog open={open} title="Password reset" onClose={close} dismissOnBackdrop={false} testId="reset-password-dialog">
        <div className="form">
          <OneTimePasswordNotice email={result.user.email} password={result.oneTimePassword}>
            Hand it to {result.user.name ?? result.user.email} through a channel you trust. They have been logged out everywhere; at their
            next login they must replace it with a password of their own.
          </OneTimePasswordNotice>
          <CloseActions label="Done" onClose={close} />
        </div>
      </Dialog>
    );
  }
  return (
    <ActionDialog
      open={open}
      title="Reset password?"
      testId="reset-password-dialog"
      confirmLabel="Reset password"
      pendingLabel="Resetting…"
      failureTitle="The password was not reset"
      danger
      mutation={reset}
      run={(reason) => reset.mutateAsync({ userId: user.id, reason })}
      onDone={setResult}
      onClose={close}
    >
      <p>
        <strong>{user.email}</strong> is logged out everywhere and their current password stops working. A new one-time password is shown
        once, here, for you to hand over; at their next login they must replace it. API keys keep working.
      </p>
    </ActionDialog>
  );
}
