import type { AdminModel, AdminModelPrice } from '@apilink/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../../components/alert';
import { Field } from '../../../../components/field';
import { FormActions } from '../../../../components/form-actions';
import { MoneyInput } from '../../../../components/money-input';
import { ErrorDetail, errorText } from '../../../../components/query-state';
import { ApiError } from '../../../../lib/api-client';
import { ReasonField } from '../../components/reason-field';
import { microsToUsdDecimal, usdInputToDecimal } from '../../components/usd-decimal';
import { useAddModelPrice } from '../api/add-model-price';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';

type PriceField = 'inputPerMTokUsd' | 'outputPerMTokUsd' | 'cachedInputPerMTokUsd' | 'cacheWritePerMTokUsd' | 'reasoningPerMTokUsd';

const FIELDS: { name: PriceField; label: string; required: boolean; hint?: string; current: (price: AdminModelPrice) => string | null }[] =
  [
    { name: 'inputPerMTokUsd', label: 'Input', required: true, current: (price) => price.inputPerMTok.micros },
    { name: 'outputPerMTokUsd', label: 'Output', required: true, current: (price) => price.outputPerMTok.micros },
    {
      name: 'cachedInputPerMTokUsd',
      label: 'Cached input',
      required: false,
      hint: 'Empty: cached input costs the input price.',
      current: (price) => price.cachedInputPerMTok?.micros ?? null,
    },
    { name: 'cacheWritePerMTokUsd', label: 'Cache write', required: false, current: (price) => price.cacheWritePerMTok?.micros ?? null },
    {
      name: 'reasoningPerMTokUsd',
      label: 'Reasoning',
      required: false,
      hint: 'Empty: reasoning tokens cost the output price.',
      current: (price) => price.reasoningPerMTok?.micros ?? null,
    },
  ];

function initialValues(price: AdminModelPrice | null): Record<PriceField, string> {
  const values = {} as Record<PriceField, string>;
  for (const field of FIELDS) {
    const micros = price ? field.current(price) : null;
    values[field.name] = micros === null ? '' : microsToUsdDecimal(micros);
  }
  return values;
}

/** A new price version for the model, prefilled with the one in force. */
export function PriceForm({ model, onSaved }: { model: AdminModel; onSaved: (model: AdminModel) => void }) {
  const addPrice = useAddModelPrice();
  const [values, setValues] = useState(() => initialValues(model.currentPrice));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<PriceField, string>>>({});

  const serverParam = addPrice.error instanceof ApiError ? addPrice.error.param : null;
  const serverField = FIELDS.some((field) => field.name === serverParam) ? (serverParam as PriceField) : null;
  const fieldError = (name: PriceField) => errors[name] ?? (serverField === name ? errorText(addPrice.error) : undefined);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors, addPrice.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: { [K in PriceField]?: string | null } = {};
    const nextErrors: Partial<Record<PriceField, string>> = {};
    for (const field of FIELDS) {
      const typed = values[field.name].trim();
      if (!typed) {
        if (field.required) nextErrors[field.name] = 'Enter a price per 1M tokens, e.g. 2.5.';
        else body[field.name] = null;
        continue;
      }
      const decimal = usdInputToDecimal(typed);
      if (decimal === null) nextErrors[field.name] = 'Enter dollars per 1M tokens with at most 6 decimals, e.g. 0.15.';
      else body[field.name] = decimal;
    }
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) return;
    addPrice.mutate(
      {
        modelId: model.id,
        // Both are present here: required fields without a valid value stopped the submit above.
        body: {
          ...body,
          inputPerMTokUsd: body.inputPerMTokUsd!,
          outputPerMTokUsd: body.outputPerMTokUsd!,
          reason: reason.trim() || undefined,
        },
      },
      { onSuccess: (saved) => onSaved(saved) },
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label="New price">
      <Alert tone="info" title="New prices apply to new requests only">
        The new price is in force from the moment you save it. Requests already made keep the price they were charged, and past usage is
        never repriced.
      </Alert>
      {addPrice.error && !serverField ? (
        <Alert tone="error" title="The price was not saved">
          <ErrorDetail error={addPrice.error} />
        </Alert>
      ) : null}
      <div className="form-grid">
        {FIELDS.map((field) => (
          <Field
            key={field.name}
            label={`${field.label} (USD per 1M tokens)`}
            optional={!field.required}
            hint={field.hint}
            error={fieldError(field.name)}
          >
            {(control) => (
              <MoneyInput
                {...control}
                name={field.name}
                value={values[field.name]}
                onChange={(event) => setValues((current) => ({ ...current, [field.name]: event.target.value }))}
              />
            )}
          </Field>
        ))}
      </div>
      <ReasonField value={reason} onChange={setReason} />
      <FormActions pending={addPrice.isPending} submitLabel="Save new price" pendingLabel="Saving…" />
    </form>
  );
}
