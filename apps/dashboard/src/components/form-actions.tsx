/** The Cancel + submit row at the bottom of dialog forms. */
interface FormActionsProps {
  onCancel?: () => void;
  pending: boolean;
  submitLabel: string;
  pendingLabel?: string;
  danger?: boolean;
  /** The submit button only (a form that cannot be sent yet); Cancel stays usable. */
  disabled?: boolean;
}

export function FormActions({ onCancel, pending, submitLabel, pendingLabel = 'Saving…', danger, disabled = false }: FormActionsProps) {
  return (
    <div className="form-actions">
      {onCancel ? (
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
      <button type="submit" className={danger ? 'button button--danger' : 'button'} disabled={pending || disabled}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </div>
  );
}

/** The single closing button at the bottom of a dialog whose work is done ("Done", "Close"). */
export function CloseActions({ label, onClose }: { label: string; onClose: () => void }) {
  return (
    <div className="form-actions">
      <button type="button" className="button button--secondary" onClick={onClose}>
        {label}
      </button>
    </div>
  );
}
