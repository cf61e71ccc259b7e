/** Change one's own password (the way to replace a one-time password staff handed over). */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@apilink/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Dialog } from '../../../components/dialog';
import { Field } from '../../../components/field';
import { FormActions } from '../../../components/form-actions';
import { ErrorDetail } from '../../../components/query-state';
import { useChangePassword } from '../api/change-password';

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Change password" onClose={onClose} testId="change-password-dialog">
      {open ? <ChangePasswordForm onClose={onClose} /> : null}
    </Dialog>
  );
}

function ChangePasswordForm({ onClose }: { onClose: () => void }) {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ currentPassword: current, newPassword: next });
  };
  if (change.isSuccess) {
    return (
      <div className="form">
        <Alert tone="success" title="Password changed">
          Your other sessions were logged out; this one stays.
        </Alert>
        <div className="form-actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    );
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Change password">
      {change.error ? (
        <Alert tone="error" title="The password was not changed">
          <ErrorDetail error={change.error} />
        </Alert>
      ) : null}
      <Field label="Current password">
        <input
          className="input"
          type="password"
          autoComplete="current-password"
          maxLength={PASSWORD_MAX_LENGTH}
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
      </Field>
      <Field label="New password" hint={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, hard to guess.`}>
        <input
          className="input"
          type="password"
          autoComplete="new-password"
          maxLength={PASSWORD_MAX_LENGTH}
          value={next}
          onChange={(event) => setNext(event.target.value)}
        />
      </Field>
      <FormActions onCancel={onClose} pending={change.isPending} submitLabel="Change password" pendingLabel="Saving…" />
    </form>
  );
}
