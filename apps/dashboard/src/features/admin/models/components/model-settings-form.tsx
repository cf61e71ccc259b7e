import { MODEL_ALIAS_PATTERN, MODEL_ALIASES_MAX, type AdminModel } from '@apilink/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../../components/alert';
import { Field } from '../../../../components/field';
import { FormActions } from '../../../../components/form-actions';
import { ErrorDetail, errorText } from '../../../../components/query-state';
import { ApiError } from '../../../../lib/api-client';
import { formatInteger } from '../../../../lib/format';
import { ReasonField } from '../../components/reason-field';
import { useUpdateCatalogModel } from '../api/update-catalog-model';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';

/** One alias a line (commas work too); blank lines are ignored. */
export function parseAliases(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((alias) => alias.trim())
        .filter(Boolean),
    ),
  ];
}

/** Aliases clients may send as `model`, and the output cap assumed when a request sets none. */
export function ModelSettingsForm({ model, onSaved }: { model: AdminModel; onSaved: (model: AdminModel) => void }) {
  const update = useUpdateCatalogModel();
  const [aliases, setAliases] = useState(model.aliases.join('\n'));
  const [cap, setCap] = useState(model.defaultMaxOutputTokens === null ? '' : String(model.defaultMaxOutputTokens));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ aliases?: string; cap?: string }>({});

  const serverParam = update.error instanceof ApiError ? update.error.param : null;
  const serverError = (param: string) => (serverParam === param ? errorText(update.error) : undefined);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors, update.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const list = parseAliases(aliases);
    const invalid = list.filter((alias) => !MODEL_ALIAS_PATTERN.test(alias));
    const capValue = cap.trim() ? Number(cap.trim()) : null;
    const next = {
      aliases: invalid.length
        ? `Not a valid alias: ${invalid.join(', ')}. Use letters, digits and . _ : / -`
        : list.length > MODEL_ALIASES_MAX
          ? `At most ${MODEL_ALIASES_MAX} aliases.`
          : undefined,
      cap:
        capValue !== null && (!Number.isInteger(capValue) || capValue < 1 || capValue > model.maxOutputTokens)
          ? `A whole number from 1 to ${formatInteger(model.maxOutputTokens)}, or empty for the model's maximum.`
          : undefined,
    };
    setErrors(next);
    if (next.aliases || next.cap) return;
    update.mutate(
      { modelId: model.id, body: { aliases: list, defaultMaxOutputTokens: capValue, reason: reason.trim() || undefined } },
      { onSuccess: (saved) => onSaved(saved) },
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label="Aliases and output cap">
      {update.error && !serverParam ? (
        <Alert tone="error" title="The settings were not saved">
          <ErrorDetail error={update.error} />
        </Alert>
      ) : null}
      <div className="form-grid">
        <Field
          label="Aliases"
          optional
          hint="One a line. Clients may send any of them as the model; each must be unique across the catalog."
          error={errors.aliases ?? serverError('aliases')}
        >
          <textarea className="textarea input--mono" rows={3} value={aliases} onChange={(event) => setAliases(event.target.value)} />
        </Field>
        <Field
          label="Default output cap (tokens)"
          optional
          hint={`Assumed when a request sets no max_tokens. Empty: the model's maximum, ${formatInteger(model.maxOutputTokens)}.`}
          error={errors.cap ?? serverError('defaultMaxOutputTokens')}
        >
          <input className="input" inputMode="numeric" value={cap} onChange={(event) => setCap(event.target.value)} />
        </Field>
      </div>
      <ReasonField value={reason} onChange={setReason} />
      <FormActions pending={update.isPending} submitLabel="Save settings" pendingLabel="Saving…" />
    </form>
  );
}
