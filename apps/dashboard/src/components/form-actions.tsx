/** The Cancel + submit row at the bottom of dialog forms. */
interface FormActionsProps {
  onCancel?: () => void;
  pending: boolean;
  submitLabel: string;
  pendingLabel?: string;
  danger?: boolean;
}

export function FormActions({ onCancel, pending, submitLabel, pendingLabel = 'Saving…', danger }: FormActionsProps) {
  return (
    <div className="form-actions">
      {onCancel ? (
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
      <button type="submit" className={danger ? 'button button--danger' : 'button'} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </div>
  );
}
