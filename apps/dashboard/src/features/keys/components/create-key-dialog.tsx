import { API_KEY_NAME_MAX_LENGTH, type CreatedApiKey } from '@apilink/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Dialog } from '../../../components/dialog';
import { Field } from '../../../components/field';
import { FormActions } from '../../../components/form-actions';
import { MoneyInput } from '../../../components/money-input';
import { ErrorDetail, errorText } from '../../../components/query-state';
import { ApiError } from '../../../lib/api-client';
import { useCreateKey } from '../api/create-key';
import { parseKeyLimits, type KeyLimitErrors } from './key-limits-fields';

interface CreateKeyDialogProps {
  open: boolean;
  onClose: () => void;
  onCreated: (created: CreatedApiKey) => void;
}

type FormField = keyof KeyLimitErrors | 'name';

const PARAM_FIELDS: Record<string, FormField> = { name: 'name', rpmLimit: 'rpm', expiresAt: 'expiresOn', spendCapMicros: 'spendCapUsd' };

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function CreateKeyDialog({ open, onClose, onCreated }: CreateKeyDialogProps) {
  return (
    <Dialog open={open} title="Create API key" onClose={onClose} testId="create-key-dialog">
      {/* The dialog mounts its content only while open, so every opening starts with an empty form. */}
      <CreateKeyForm onCancel={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function CreateKeyForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (created: CreatedApiKey) => void }) {
  const createKey = useCreateKey();
  const [name, setName] = useState('');
  const [rpm, setRpm] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [spendCapUsd, setSpendCapUsd] = useState('');
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});

  // A 400 that names a field (`param`) is shown under that field rather than above the form.
  const serverError = createKey.error;
  const serverField = serverError instanceof ApiError && serverError.param ? PARAM_FIELDS[serverError.param] : undefined;
  const fieldError = (field: FormField) => errors[field] ?? (serverField === field ? errorText(serverError) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { limits, errors: limitErrors } = parseKeyLimits({ rpm, expiresOn, spendCapUsd });
    const nameError = name.trim() ? undefined : 'Give the key a name, e.g. the app that will use it.';
    setErrors({ ...limitErrors, name: nameError });
    if (!limits || nameError) return;
    createKey.mutate({ name: name.trim(), ...limits }, { onSuccess: onCreated });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {createKey.error && !serverField ? (
        <Alert tone="error" title="The key was not created">
          <ErrorDetail error={createKey.error} />
        </Alert>
      ) : null}
      <Field label="Name" hint="Only you see it. Name keys after the app or person using them." error={fieldError('name')}>
        <input
          className="input"
          name="name"
          maxLength={API_KEY_NAME_MAX_LENGTH}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <div className="form-grid">
        <Field
          label="Requests per minute"
          optional
          hint="Throttle this key below the gateway default. Empty uses the default."
          error={fieldError('rpm')}
        >
          <input className="input" name="rpm" inputMode="numeric" value={rpm} onChange={(event) => setRpm(event.target.value)} />
        </Field>
        <Field label="Spend cap (USD)" optional hint="Requests stop once this key has spent it." error={fieldError('spendCapUsd')}>
          {(control) => (
            <MoneyInput {...control} name="spendCap" value={spendCapUsd} onChange={(event) => setSpendCapUsd(event.target.value)} />
          )}
        </Field>
      </div>
      <Field label="Expires on" optional hint="The key stops working after this day." error={fieldError('expiresOn')}>
        <input
          className="input"
          type="date"
          name="expiresOn"
          min={todayIso()}
          value={expiresOn}
          onChange={(event) => setExpiresOn(event.target.value)}
        />
      </Field>
      <FormActions onCancel={onCancel} pending={createKey.isPending} submitLabel="Create key" pendingLabel="Creating…" />
    </form>
  );
}
