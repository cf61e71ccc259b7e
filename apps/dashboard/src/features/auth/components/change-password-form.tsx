/** Current + new password, behind both "Change password" in the sidebar and the forced first-sign-in screen. */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@apilink/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Field } from '../../../components/field';
import { FormActions } from '../../../components/form-actions';
import { ErrorDetail } from '../../../components/query-state';
import { useChangePassword } from '../api/change-password';

interface ChangePasswordFormProps {
  /** What the person knows the current password as ("Current password", "One-time password"). */
  currentLabel?: string;
  submitLabel?: string;
  /** Without it the form has no Cancel button (the forced screen offers logging out instead). */
  onCancel?: () => void;
  onChanged: () => void;
}

export function ChangePasswordForm({
  currentLabel = 'Current password',
  submitLabel = 'Change password',
  onCancel,
  onChanged,
}: ChangePasswordFormProps) {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ currentPassword: current, newPassword: next }, { onSuccess: onChanged });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={submitLabel}>
      {change.error ? (
        <Alert tone="error" title="The password was not changed">
          <ErrorDetail error={change.error} />
        </Alert>
      ) : null}
      <Field label={currentLabel}>
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
      <FormActions onCancel={onCancel} pending={change.isPending} submitLabel={submitLabel} pendingLabel="Saving…" />
    </form>
  );
}
