/** The Apply + Reset row at the end of a filter form; the form's own submit handler applies the draft. */
export function FilterActions({ onReset }: { onReset: () => void }) {
  return (
    <div className="row filters__actions">
      <button type="submit" className="button">
        Apply
      </button>
      <button type="button" className="button button--ghost" onClick={onReset}>
        Reset
      </button>
    </div>
  );
}
