/** Change one's own password from the sidebar. */
import { useState } from 'react';
import { Alert } from '../../../components/alert';
import { Dialog } from '../../../components/dialog';
import { ChangePasswordForm } from './change-password-form';
import { CloseActions } from '../../../components/form-actions';

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Change password" onClose={onClose} testId="change-password-dialog">
      <ChangePasswordStep onClose={onClose} />
    </Dialog>
  );
}

function ChangePasswordStep({ onClose }: { onClose: () => void }) {
  const [changed, setChanged] = useState(false);
  if (!changed) return <ChangePasswordForm onCancel={onClose} onChanged={() => setChanged(true)} />;
  return (
    <div className="form">
      <Alert tone="success" title="Password changed">
        Your other sessions were logged out; this one stays.
      </Alert>
      <CloseActions label="Close" onClose={onClose} />
    </div>
  );
}
