import { BILLING_DETAILS_MAX_LENGTH, type BillingDetails } from '@apilink/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Card } from '../../../components/card';
import { Dialog } from '../../../components/dialog';
import { Field } from '../../../components/field';
import { FormActions } from '../../../components/form-actions';
import { ErrorDetail, ErrorState, LoadingState } from '../../../components/query-state';
import { useBillingDetails } from '../api/get-billing-details';
import { useUpdateBillingDetails } from '../api/update-billing-details';

type DetailKey = keyof BillingDetails;

const FIELDS: { key: DetailKey; label: string; autoComplete: string; hint?: string; wide?: boolean }[] = [
  { key: 'name', label: 'Full name', autoComplete: 'name' },
  { key: 'company', label: 'Company', autoComplete: 'organization' },
  { key: 'addressLine1', label: 'Address', autoComplete: 'address-line1', wide: true },
  { key: 'addressLine2', label: 'Address line 2', autoComplete: 'address-line2', wide: true },
  { key: 'city', label: 'City', autoComplete: 'address-level2' },
  { key: 'postalCode', label: 'Postal code', autoComplete: 'postal-code' },
  { key: 'region', label: 'State / region', autoComplete: 'address-level1' },
  { key: 'country', label: 'Country code', autoComplete: 'country', hint: 'Two letters, e.g. US, DE, FR.' },
  { key: 'vatId', label: 'VAT id', autoComplete: 'off', hint: 'For EU business customers, e.g. DE123456789.', wide: true },
];

export function BillingDetailsCard() {
  const details = useBillingDetails();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title="Billing details"
      actions={
        details.data ? (
          <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
            Edit
          </button>
        ) : null
      }
    >
      {details.isPending ? (
        <LoadingState />
      ) : details.error ? (
        <ErrorState error={details.error} title="Could not load your billing details" onRetry={() => void details.refetch()} />
      ) : (
        <BillingDetailsSummary details={details.data} />
      )}
      <Dialog open={editing} title="Billing details" onClose={() => setEditing(false)} testId="billing-details-dialog">
        {details.data ? <BillingDetailsForm initial={details.data} onDone={() => setEditing(false)} /> : null}
      </Dialog>
    </Card>
  );
}

function BillingDetailsSummary({ details }: { details: BillingDetails }) {
  const address = [
    details.addressLine1,
    details.addressLine2,
    [details.postalCode, details.city].filter(Boolean).join(' '),
    details.region,
    details.country,
  ]
    .filter(Boolean)
    .join(', ');
  if (!details.name && !details.company && !address && !details.vatId) {
    return <p className="muted">No details yet. Add your name or company, address and VAT id to have them printed on your invoices.</p>;
  }
  return (
    <dl className="kv" data-testid="billing-details-summary">
      {details.name ? (
        <>
          <dt>Name</dt>
          <dd>{details.name}</dd>
        </>
      ) : null}
      {details.company ? (
        <>
          <dt>Company</dt>
          <dd>{details.company}</dd>
        </>
      ) : null}
      {address ? (
        <>
          <dt>Address</dt>
          <dd>{address}</dd>
        </>
      ) : null}
      {details.vatId ? (
        <>
          <dt>VAT id</dt>
          <dd>{details.vatId}</dd>
        </>
      ) : null}
    </dl>
  );
}

function BillingDetailsForm({ initial, onDone }: { initial: BillingDetails; onDone: () => void }) {
  const update = useUpdateBillingDetails();
  const [values, setValues] = useState<Record<DetailKey, string>>(
    () => Object.fromEntries(FIELDS.map(({ key }) => [key, initial[key] ?? ''])) as Record<DetailKey, string>,
  );
  const [countryError, setCountryError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const country = values.country.trim().toUpperCase();
    if (country && !/^[A-Z]{2}$/.test(country)) {
      setCountryError('Use the two-letter country code, e.g. US or DE.');
      return;
    }
    setCountryError(null);
    const body = Object.fromEntries(FIELDS.map(({ key }) => [key, (key === 'country' ? country : values[key].trim()) || null]));
    update.mutate(body as Partial<BillingDetails>, { onSuccess: onDone });
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="billing-details-form">
      <p className="muted">All fields are optional. They are printed on invoices issued from now on; issued invoices never change.</p>
      <div className="form-grid">
        {FIELDS.map((field) => (
          <div key={field.key} className={field.wide ? 'form-grid__wide' : undefined}>
            <Field label={field.label} hint={field.hint} error={field.key === 'country' ? countryError : undefined}>
              <input
                className="input"
                name={field.key}
                autoComplete={field.autoComplete}
                maxLength={field.key === 'country' ? 2 : BILLING_DETAILS_MAX_LENGTH}
                value={values[field.key]}
                onChange={(event) => {
                  setValues((current) => ({ ...current, [field.key]: event.target.value }));
                }}
              />
            </Field>
          </div>
        ))}
      </div>
      {update.error ? (
        <Alert tone="error" title="Your details were not saved">
          <ErrorDetail error={update.error} />
        </Alert>
      ) : null}
      <FormActions onCancel={onDone} pending={update.isPending} submitLabel="Save billing details" />
    </form>
  );
}
