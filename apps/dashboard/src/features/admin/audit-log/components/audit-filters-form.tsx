import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from '@apilink/contracts';
import { useState, type FormEvent } from 'react';
import { DateRangeFields } from '../../../../components/date-range-fields';
import { Field } from '../../../../components/field';
import { FilterActions } from '../../../../components/filter-actions';
import { EMPTY_AUDIT_FILTERS, type AuditFilterValues } from './audit-filters';

export const TARGET_TYPE_LABELS: Record<string, string> = {
  user: 'User',
  api_key: 'API key',
  upstream_account: 'Upstream account',
  model: 'Model',
};

interface AuditFiltersFormProps {
  values: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
}

export function AuditFiltersForm({ values, onApply }: AuditFiltersFormProps) {
  const [draft, setDraft] = useState(values);
  const set = (field: keyof AuditFilterValues) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="filters filters--padded" onSubmit={submit} aria-label="Filter the audit log">
      <div className="filters__wide">
        <Field label="Actor">
          <input className="input" autoComplete="off" placeholder="Email or user id" value={draft.actor} onChange={set('actor')} />
        </Field>
      </div>
      <Field label="Action">
        <select className="select" value={draft.action} onChange={set('action')}>
          <option value="">Any action</option>
          {Object.values(AUDIT_ACTIONS).map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Target type">
        <select className="select" value={draft.targetType} onChange={set('targetType')}>
          <option value="">Any target</option>
          {AUDIT_TARGET_TYPES.map((type) => (
            <option key={type} value={type}>
              {TARGET_TYPE_LABELS[type] ?? type}
            </option>
          ))}
        </select>
      </Field>
      <div className="filters__wide">
        <Field label="Target id">
          <input
            className="input input--mono"
            autoComplete="off"
            placeholder="User, key, account or model id"
            value={draft.targetId}
            onChange={set('targetId')}
          />
        </Field>
      </div>
      <DateRangeFields fromDay={draft.fromDay} toDay={draft.toDay} onFromDayChange={set('fromDay')} onToDayChange={set('toDay')} />
      <FilterActions
        onReset={() => {
          setDraft(EMPTY_AUDIT_FILTERS);
          onApply(EMPTY_AUDIT_FILTERS);
        }}
      />
    </form>
  );
}
