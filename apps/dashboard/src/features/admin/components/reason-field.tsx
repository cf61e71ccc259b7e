import { CREDIT_ADJUSTMENT_REASON_MAX_LENGTH } from '@apilink/contracts';
import { Field } from '../../../components/field';

interface ReasonFieldProps {
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  error?: string | null;
  hint?: string;
}

/** Why a staff member acted: written to the audit log next to their name. */
export function ReasonField({ value, onChange, required = false, error, hint = 'Saved in the audit log.' }: ReasonFieldProps) {
  return (
    <Field label="Reason" optional={!required} hint={hint} error={error}>
      <textarea
        className="textarea"
        rows={3}
        maxLength={CREDIT_ADJUSTMENT_REASON_MAX_LENGTH}
        required={required}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}
