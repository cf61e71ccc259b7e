/**
 * An admin creates an account: email, name, role, optional initial credits. The answer's one-time
 * password is shown once, here, and lives only in React state.
 */
import { USER_NAME_MAX_LENGTH, USER_ROLES, type CreatedUser, type UserRole } from '@apilink/contracts';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../../../components/alert';
import { Dialog } from '../../../../components/dialog';
import { Field } from '../../../../components/field';
import { CloseActions, FormActions } from '../../../../components/form-actions';
import { MoneyInput } from '../../../../components/money-input';
import { ErrorDetail } from '../../../../components/query-state';
import { formatMoney } from '../../../../lib/format';
import { ROLE_LABELS } from '../../components/account-badges';
import { ReasonField } from '../../components/reason-field';
import { usdInputToDecimal } from '../../components/usd-decimal';
import { userPath } from '../../user-path';
import { useCreateUser } from '../api/create-user';
import { OneTimePasswordNotice } from './one-time-password-notice';

interface CreateUserDialogProps {
  open: boolean;
  onClose: () => void;
}

export function CreateUserDialog({ open, onClose }: CreateUserDialogProps) {
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Dialog
      open={open}
      title={created ? 'Account created' : 'Create an account'}
      onClose={close}
      dismissOnBackdrop={false}
      testId="create-user-dialog"
    >
      {created ? <CreatedAccount created={created} onDone={close} /> : <CreateUserForm onCancel={close} onCreated={setCreated} />}
    </Dialog>
  );
}

function CreateUserForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (created: CreatedUser) => void }) {
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<UserRole>('customer');
  const [credits, setCredits] = useState('');
  const [reason, setReason] = useState('');
  const [creditsError, setCreditsError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const usd = credits.trim() ? usdInputToDecimal(credits) : undefined;
    if (usd === null) return setCreditsError('Enter an amount in USD, like 10 or 2.50');
    setCreditsError(null);
    create.mutate(
      {
        email: email.trim(),
        name: name.trim() || undefined,
        role,
        initialCreditsUsd: usd && usd !== '0' ? usd : undefined,
        reason: reason.trim() || undefined,
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Create an account">
      <p className="muted">A one-time password is generated and shown once, after the account is created: hand it to the person.</p>
      {create.error ? (
        <Alert tone="error" title="The account was not created">
          <ErrorDetail error={create.error} />
        </Alert>
      ) : null}
      <Field label="Email">
        <input
          className="input"
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </Field>
      <Field label="Name" optional>
        <input className="input" maxLength={USER_NAME_MAX_LENGTH} value={name} onChange={(event) => setName(event.target.value)} />
      </Field>
      <Field label="Role">
        <select className="select" value={role} onChange={(event) => setRole(event.target.value as UserRole)}>
          {USER_ROLES.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Initial credits" optional hint="Posted to the ledger as an adjustment, with the reason below." error={creditsError}>
        <MoneyInput placeholder="0.00" value={credits} onChange={(event) => setCredits(event.target.value)} />
      </Field>
      <ReasonField value={reason} onChange={setReason} hint="Saved in the audit log, and in the ledger with initial credits." />
      <FormActions onCancel={onCancel} pending={create.isPending} submitLabel="Create account" pendingLabel="Creating…" />
    </form>
  );
}

function CreatedAccount({ created, onDone }: { created: CreatedUser; onDone: () => void }) {
  return (
    <div className="form">
      <OneTimePasswordNotice email={created.user.email} password={created.oneTimePassword}>
        Hand it to {created.user.name ?? created.user.email} through a channel you trust. At their first login they must replace it with a
        password of their own before they can use the dashboard.
      </OneTimePasswordNotice>
      <p className="muted" data-testid="created-user-summary">
        {ROLE_LABELS[created.user.role]} account
        {created.initialCredits ? ` with ${formatMoney(created.initialCredits.amount.micros)} of credits` : ' without credits'}.{' '}
        <Link to={userPath(created.user.id)}>Open the account</Link>
      </p>
      <CloseActions label="Done" onClose={onDone} />
    </div>
  );
}
