import { useState, type FormEvent } from 'react';
import { Field } from '../../../components/field';

/** Find one request by the `x-request-id` a client or an error message showed. */
export function RequestLookupForm({ onLookup }: { onLookup: (requestId: string) => void }) {
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) onLookup(value.trim());
  };
  return (
    <form className="lookup" onSubmit={submit} role="search" aria-label="Look up a request">
      <Field label="Look up a request id">
        <input
          className="input input--mono"
          placeholder="e.g. 3f2a9c1e-…"
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      </Field>
      <button type="submit" className="button button--secondary">
        Look up
      </button>
    </form>
  );
}
