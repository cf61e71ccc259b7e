import type { ReactNode } from 'react';

interface StatProps {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  testId?: string;
}

export function Stat({ label, value, hint, testId }: StatProps) {
  return (
    <div className="stat">
      <div className="stat__label">{label}</div>
      <div className="stat__value" data-testid={testId}>
        {value}
      </div>
      {hint ? <div className="stat__hint">{hint}</div> : null}
    </div>
  );
}
