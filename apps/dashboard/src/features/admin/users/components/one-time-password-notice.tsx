/**
 * A generated one-time password (account creation, password reset), shown once: it lives only in
 * the React state of the dialog that received it.
 */
import type { ReactNode } from 'react';
import { Alert } from '../../../../components/alert';
import { CopyButton } from '../../../../components/copy-button';

interface OneTimePasswordNoticeProps {
  email: string;
  password: string;
  /** Who gets it and what happens at their next login. */
  children: ReactNode;
}

export function OneTimePasswordNotice({ email, password, children }: OneTimePasswordNoticeProps) {
  return (
    <>
      <Alert tone="warning" title="This is the only time the password is shown">
        {children}
      </Alert>
      <div className="field">
        <label className="field__label" htmlFor="one-time-password">
          One-time password for {email}
        </label>
        <div className="secret">
          <input
            id="one-time-password"
            className="input input--mono"
            readOnly
            value={password}
            data-testid="one-time-password"
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton text={password} label="Copy password" className="button" />
        </div>
      </div>
    </>
  );
}
