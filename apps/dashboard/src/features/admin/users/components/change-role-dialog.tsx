import { USER_ROLES, type AdminUser, type UserRole } from '@apilink/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../../components/alert';
import { Dialog } from '../../../../components/dialog';
import { Field } from '../../../../components/field';
import { FormActions } from '../../../../components/form-actions';
import { ErrorDetail } from '../../../../components/query-state';
import { ROLE_LABELS } from '../../components/account-badges';
import { ReasonField } from '../../components/reason-field';
import { useChangeUserRole } from '../api/change-user-role';

const ROLE_HINTS: Record<UserRole, string> = {
  customer: 'Uses the gateway and the customer dashboard only.',
  support: 'Also finds users and requests, adjusts credits up to the support limit, revokes keys and disables accounts.',
  admin: 'Everything support can do, plus upstreams, models, roles and the audit log.',
};

interface ChangeRoleDialogProps {
  open: boolean;
  user: AdminUser;
  onClose: () => void;
  onDone: (user: AdminUser) => void;
}

export function ChangeRoleDialog({ open, user, onClose, onDone }: ChangeRoleDialogProps) {
  return (
    <Dialog open={open} title="Change role" onClose={onClose} testId="change-role-dialog">
      <ChangeRoleForm user={user} onCancel={onClose} onDone={onDone} />
    </Dialog>
  );
}

function ChangeRoleForm({ user, onCancel, onDone }: { user: AdminUser; onCancel: () => void; onDone: (user: AdminUser) => void }) {
  const changeRole = useChangeUserRole();
  const [role, setRole] = useState<UserRole>(user.role);
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (role === user.role) return onCancel();
    changeRole.mutate({ userId: user.id, body: { role, reason: reason.trim() || undefined } }, { onSuccess: (updated) => onDone(updated) });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="muted">
        The new role applies to <strong>{user.email}</strong> on their next page load: sessions read the role on every request.
      </p>
      {changeRole.error ? (
        <Alert tone="error" title="The role was not changed">
          <ErrorDetail error={changeRole.error} />
        </Alert>
      ) : null}
      <Field label="Role" hint={ROLE_HINTS[role]}>
        <select className="select" value={role} onChange={(event) => setRole(event.target.value as UserRole)}>
          {USER_ROLES.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </select>
      </Field>
      <ReasonField value={reason} onChange={setReason} />
      <FormActions onCancel={onCancel} pending={changeRole.isPending} submitLabel="Change role" pendingLabel="Saving…" />
    </form>
  );
}
