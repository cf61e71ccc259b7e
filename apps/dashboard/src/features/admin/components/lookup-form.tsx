import { useState, type FormEvent } from 'react';
import { Field } from '../../../components/field';

interface LookupFormProps {
  /** Names the search landmark, e.g. "Search users". */
  name: string;
  label: string;
  buttonLabel: string;
  initial: string;
  placeholder?: string;
  /** Ids and secrets-like strings: monospaced, no spell check. */
  mono?: boolean;
  /** False: an empty submit is ignored instead of passed on. */
  allowEmpty?: boolean;
  onSubmit: (value: string) => void;
}

/** One field and a button: the email search on the users page, the request id lookup. */
export function LookupForm({ name, label, buttonLabel, initial, placeholder, mono, allowEmpty = false, onSubmit }: LookupFormProps) {
  const [value, setValue] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() || allowEmpty) onSubmit(value.trim());
  };
  return (
    <form className="lookup" onSubmit={submit} role="search" aria-label={name}>
      <Field label={label}>
        <input
          className={mono ? 'input input--mono' : 'input'}
          type="search"
          autoComplete="off"
          spellCheck={!mono}
          placeholder={placeholder}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      </Field>
      <button type="submit" className="button">
        {buttonLabel}
      </button>
    </form>
  );
}
