import { API_KEY_NAME_MAX_LENGTH, type ApiKeySummary } from '@apilink/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Dialog } from '../../../components/dialog';
import { Field } from '../../../components/field';
import { FormActions } from '../../../components/form-actions';
import { ErrorDetail } from '../../../components/query-state';
import { useUpdateKey } from '../api/update-key';

interface RenameKeyDialogProps {
  apiKey: ApiKeySummary | null;
  onClose: () => void;
}

export function RenameKeyDialog({ apiKey, onClose }: RenameKeyDialogProps) {
  return (
    <Dialog open={apiKey !== null} title="Rename key" onClose={onClose}>
      {/* Keyed by id so each key starts with its own name and a clean error state. */}
      {apiKey ? <RenameForm key={apiKey.id} apiKey={apiKey} onDone={onClose} /> : null}
    </Dialog>
  );
}

function RenameForm({ apiKey, onDone }: { apiKey: ApiKeySummary; onDone: () => void }) {
  const updateKey = useUpdateKey();
  const [name, setName] = useState(apiKey.name);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('The name cannot be empty.');
      return;
    }
    updateKey.mutate({ id: apiKey.id, body: { name: name.trim() } }, { onSuccess: onDone });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {updateKey.error ? (
        <Alert tone="error" title="The key was not renamed">
          <ErrorDetail error={updateKey.error} />
        </Alert>
      ) : null}
      <Field label="Name" error={error}>
        <input className="input" maxLength={API_KEY_NAME_MAX_LENGTH} value={name} onChange={(event) => setName(event.target.value)} />
      </Field>
      <FormActions onCancel={onDone} pending={updateKey.isPending} submitLabel="Save" />
    </form>
  );
}
