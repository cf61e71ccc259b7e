import { Field } from './field';

interface SearchFieldProps {
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
}

/** The wide "Search" box that opens a list's filter bar. */
export function SearchField({ value, placeholder, onChange }: SearchFieldProps) {
  return (
    <div className="filters__wide">
      <Field label="Search">
        <input className="input" type="search" placeholder={placeholder} value={value} onChange={(event) => onChange(event.target.value)} />
      </Field>
    </div>
  );
}
