import type { InputHTMLAttributes } from 'react';

/** A text input for dollars with a `$` in front (text, not number, so `12.50` is kept as typed). */
export function MoneyInput(props: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return (
    <div className="input-prefix">
      <span aria-hidden="true">$</span>
      <input {...props} className="input" inputMode="decimal" autoComplete="off" />
    </div>
  );
}
