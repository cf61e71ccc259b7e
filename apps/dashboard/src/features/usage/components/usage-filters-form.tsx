import { USAGE_STATUSES } from '@apilink/contracts';
import { useState, type FormEvent } from 'react';
import { DateRangeFields } from '../../../components/date-range-fields';
import { Field } from '../../../components/field';
import { FilterActions } from '../../../components/filter-actions';
import type { KeyOption } from '../api/list-key-options';
import { EMPTY_FILTERS, type UsageFilterValues } from './usage-filters-state';
import { USAGE_STATUS_LABELS } from '../../../components/usage-status-badge';

interface UsageFiltersFormProps {
  values: UsageFilterValues;
  keys: KeyOption[];
  models: string[];
  onApply: (values: UsageFilterValues) => void;
}

export function UsageFiltersForm({ values, keys, models, onApply }: UsageFiltersFormProps) {
  const [draft, setDraft] = useState(values);
  const set = (field: keyof UsageFilterValues) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <form className="filters filters--padded" onSubmit={submit} aria-label="Filter requests">
      <Field label="API key">
        <select className="select" value={draft.keyId} onChange={set('keyId')}>
          <option value="">All keys</option>
          {keys.map((key) => (
            <option key={key.id} value={key.id}>
              {key.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Model">
        <input className="input" list="usage-models" placeholder="Any model" value={draft.model} onChange={set('model')} />
      </Field>
      <datalist id="usage-models">
        {models.map((model) => (
          <option key={model} value={model} />
        ))}
      </datalist>
      <Field label="Status">
        <select className="select" value={draft.status} onChange={set('status')}>
          <option value="">Any status</option>
          {USAGE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {USAGE_STATUS_LABELS[status].label}
            </option>
          ))}
        </select>
      </Field>
      <DateRangeFields fromDay={draft.fromDay} toDay={draft.toDay} onFromDayChange={set('fromDay')} onToDayChange={set('toDay')} />
      <FilterActions
        onReset={() => {
          setDraft(EMPTY_FILTERS);
          onApply(EMPTY_FILTERS);
        }}
      />
    </form>
  );
}
