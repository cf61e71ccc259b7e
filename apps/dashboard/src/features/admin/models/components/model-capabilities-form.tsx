import type { AdminModel, GatewayModelCapabilities } from '@apilink/contracts';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../../../../components/alert';
import { FormActions } from '../../../../components/form-actions';
import { ErrorDetail } from '../../../../components/query-state';
import { ReasonField } from '../../components/reason-field';
import { useUpdateCatalogModel } from '../api/update-catalog-model';

const FLAGS: { id: keyof GatewayModelCapabilities; label: string; hint: string }[] = [
  { id: 'tools', label: 'Tools (function calling)', hint: 'Off: requests with tools are refused with a 400.' },
  { id: 'vision', label: 'Vision (image inputs)', hint: 'Off: requests with images are refused with a 400.' },
  { id: 'reasoning', label: 'Reasoning', hint: 'Shown in the model list.' },
];

/** The catalog's capability flags, which admission enforces; an admin corrects them where the import got them wrong. */
export function ModelCapabilitiesForm({ model, onSaved }: { model: AdminModel; onSaved: (model: AdminModel) => void }) {
  const update = useUpdateCatalogModel();
  const [flags, setFlags] = useState<GatewayModelCapabilities>(model.capabilities);
  const [reason, setReason] = useState('');
  const hintId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { modelId: model.id, body: { capabilities: flags, reason: reason.trim() || undefined } },
      { onSuccess: (saved) => onSaved(saved) },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Capabilities">
      {update.error ? (
        <Alert tone="error" title="The capabilities were not saved">
          <ErrorDetail error={update.error} />
        </Alert>
      ) : null}
      <fieldset className="choice-group route-list">
        <legend className="field__label">What requests may use</legend>
        {FLAGS.map((flag) => (
          <div key={flag.id}>
            <label className="choice">
              <input
                type="checkbox"
                aria-describedby={`${hintId}-${flag.id}`}
                checked={flags[flag.id]}
                onChange={(event) => setFlags({ ...flags, [flag.id]: event.target.checked })}
              />
              {flag.label}
            </label>
            <div id={`${hintId}-${flag.id}`} className="field__hint">
              {flag.hint}
            </div>
          </div>
        ))}
      </fieldset>
      <ReasonField value={reason} onChange={setReason} />
      <FormActions pending={update.isPending} submitLabel="Save capabilities" pendingLabel="Saving…" />
    </form>
  );
}
