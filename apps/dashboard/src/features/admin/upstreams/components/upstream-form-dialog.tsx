import { UPSTREAM_PROTOCOLS, type UpstreamAccount, type UpstreamProtocolName } from '@apilink/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../../components/alert';
import { Dialog } from '../../../../components/dialog';
import { Field } from '../../../../components/field';
import { FormActions } from '../../../../components/form-actions';
import { ErrorDetail, errorText } from '../../../../components/query-state';
import { ApiError } from '../../../../lib/api-client';
import { ReasonField } from '../../components/reason-field';
import { useCatalogModels } from '../../api/list-catalog-models';
import { useCreateUpstream } from '../api/create-upstream';
import { useUpdateUpstream } from '../api/update-upstream';
import { ModelRoutesField } from './model-routes-field';
import { draftFrom, fieldOfParam, toUpstreamRequest, type DraftErrors, type DraftField, type UpstreamDraft } from './upstream-draft';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { useStaffSettings } from '../../use-staff-settings';

const PROTOCOL_LABELS: Record<UpstreamProtocolName, string> = {
  openai: 'OpenAI-compatible',
  anthropic: 'Anthropic Messages',
  gemini: 'Google Gemini',
};

interface UpstreamFormDialogProps {
  /** `null` with `open` creates a new account. */
  account: UpstreamAccount | null;
  open: boolean;
  onClose: () => void;
  onSaved: (account: UpstreamAccount, created: boolean) => void;
}

export function UpstreamFormDialog({ account, open, onClose, onSaved }: UpstreamFormDialogProps) {
  return (
    <Dialog open={open} title={account ? `Edit ${account.name}` : 'Add upstream account'} onClose={onClose} testId="upstream-dialog">
      <UpstreamForm key={account?.id ?? 'new'} account={account} onCancel={onClose} onSaved={onSaved} />
    </Dialog>
  );
}

function UpstreamForm({
  account,
  onCancel,
  onSaved,
}: {
  account: UpstreamAccount | null;
  onCancel: () => void;
  onSaved: UpstreamFormDialogProps['onSaved'];
}) {
  const editing = account !== null;
  const create = useCreateUpstream();
  const update = useUpdateUpstream();
  const catalog = useCatalogModels();
  const [draft, setDraft] = useState<UpstreamDraft>(() => draftFrom(account));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<DraftErrors>({});
  const set = <K extends keyof UpstreamDraft>(field: K, value: UpstreamDraft[K]) => setDraft((current) => ({ ...current, [field]: value }));

  const mutation = editing ? update : create;
  const serverField = mutation.error instanceof ApiError ? fieldOfParam(mutation.error.param) : null;
  const fieldError = (field: DraftField) => errors[field] ?? (serverField === field ? errorText(mutation.error) : undefined);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors, mutation.error);
  // Without the key nothing can be saved: say so before the staff member fills the form in.
  const settings = useStaffSettings();
  const keyMissing = settings.data?.upstreamKeysStorable === false;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = toUpstreamRequest(draft, editing, reason);
    setErrors(result.ok ? {} : result.errors);
    if (!result.ok) return;
    if (account) update.mutate({ id: account.id, body: result.update }, { onSuccess: (saved) => onSaved(saved, false) });
    else create.mutate(result.create, { onSuccess: (saved) => onSaved(saved, true) });
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      {keyMissing ? (
        <Alert tone="warning" title="UPSTREAM_ENCRYPTION_KEY is not set">
          <p>
            Upstream API keys are stored encrypted with it, so accounts cannot be {editing ? 'saved' : 'added'} yet. Ask the operator to set{' '}
            <code>UPSTREAM_ENCRYPTION_KEY</code> to 32 random bytes (<code>openssl rand -base64 32</code>) and restart the server; keep the
            same value on every instance.
          </p>
        </Alert>
      ) : null}
      <fieldset className="form__fieldset" disabled={keyMissing}>
        {mutation.error && !serverField ? (
          <Alert tone="error" title={editing ? 'The account was not saved' : 'The account was not created'}>
            <ErrorDetail error={mutation.error} />
          </Alert>
        ) : null}
        <Field label="Name" hint="Shown in routes and request details, e.g. openai-main." error={fieldError('name')}>
          <input className="input" autoComplete="off" value={draft.name} onChange={(event) => set('name', event.target.value)} />
        </Field>
        <Field
          label="Protocol"
          hint={
            editing
              ? 'Fixed once the account exists.'
              : 'OpenAI-compatible covers OpenAI, DeepSeek, Groq, Mistral, Together, xAI and self-hosted servers.'
          }
          error={fieldError('protocol')}
        >
          <select
            className="select"
            value={draft.protocol}
            disabled={editing}
            onChange={(event) => set('protocol', event.target.value as UpstreamProtocolName)}
          >
            {UPSTREAM_PROTOCOLS.map((protocol) => (
              <option key={protocol} value={protocol}>
                {PROTOCOL_LABELS[protocol]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Base URL"
          hint="HTTPS. Private, loopback and cloud-metadata addresses are refused unless the server allows private networks."
          error={fieldError('baseUrl')}
        >
          <input
            className="input input--mono"
            type="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://api.openai.com/v1"
            value={draft.baseUrl}
            onChange={(event) => set('baseUrl', event.target.value)}
          />
        </Field>
        <Field
          label={editing ? 'New API key' : 'API key'}
          optional={editing}
          hint={
            editing
              ? `Leave empty to keep the current key, ending in ${account.apiKeyLast4}. Stored encrypted; never shown again.`
              : 'Stored encrypted; after saving only its last 4 characters are shown.'
          }
          error={fieldError('apiKey')}
        >
          <input
            className="input input--mono"
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            value={draft.apiKey}
            onChange={(event) => set('apiKey', event.target.value)}
          />
        </Field>
        <div className="form-grid">
          <Field label="Timeout (seconds)" optional hint="Empty: the gateway's request timeout." error={fieldError('timeoutSeconds')}>
            <input
              className="input"
              inputMode="decimal"
              value={draft.timeoutSeconds}
              onChange={(event) => set('timeoutSeconds', event.target.value)}
            />
          </Field>
          {draft.protocol === 'openai' ? (
            <Field
              label="Quirks preset"
              optional
              hint="A built-in provider, e.g. deepseek, groq or mistral."
              error={fieldError('quirksPreset')}
            >
              <input
                className="input"
                autoComplete="off"
                value={draft.quirksPreset}
                onChange={(event) => set('quirksPreset', event.target.value)}
              />
            </Field>
          ) : null}
        </div>
        {draft.protocol === 'openai' ? (
          <Field
            label="Quirks (JSON)"
            optional
            hint="Adjustments on top of the preset, e.g. parameters to drop or rename."
            error={fieldError('quirks')}
          >
            <textarea
              className="textarea input--mono"
              rows={3}
              spellCheck={false}
              placeholder='{"dropParams": ["user"]}'
              value={draft.quirks}
              onChange={(event) => set('quirks', event.target.value)}
            />
          </Field>
        ) : null}
        <ModelRoutesField
          routes={draft.routes}
          onChange={(routes) => set('routes', routes)}
          modelIds={(catalog.data ?? []).map((model) => model.id)}
          errors={errors.routes}
          listError={fieldError('models')}
        />
        {editing ? null : (
          <label className="choice">
            <input type="checkbox" checked={draft.enabled} onChange={(event) => set('enabled', event.target.checked)} />
            Route requests to this account as soon as it is saved
          </label>
        )}
        <ReasonField value={reason} onChange={setReason} />
      </fieldset>
      <FormActions
        onCancel={onCancel}
        pending={mutation.isPending}
        disabled={keyMissing}
        submitLabel={editing ? 'Save changes' : 'Add account'}
        pendingLabel="Saving…"
      />
    </form>
  );
}
