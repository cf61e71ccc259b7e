/** The email + password form behind both log in and sign up. */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@apilink/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { ErrorDetail } from '../../../components/query-state';
import { Field } from '../../../components/field';
import { ApiError } from '../../../lib/api-client';

export interface Credentials {
  email: string;
  password: string;
}

interface CredentialsFormProps {
  mode: 'login' | 'signup';
  pending: boolean;
  error: unknown;
  onSubmit: (credentials: Credentials) => void;
}

/** A short headline; the API's own message (and request id) follows underneath. */
function errorTitle(error: unknown, mode: CredentialsFormProps['mode']): string {
  if (error instanceof ApiError && error.status === 429)
    return mode === 'login' ? 'Login temporarily blocked' : 'Sign-up temporarily blocked';
  return mode === 'login' ? 'Could not log in' : 'Could not create the account';
}

export function CredentialsForm({ mode, pending, error, onSubmit }: CredentialsFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'signup' && password.length < PASSWORD_MIN_LENGTH) {
      setLocalError(`Use at least ${PASSWORD_MIN_LENGTH} characters.`);
      return;
    }
    setLocalError(null);
    onSubmit({ email: email.trim(), password });
  };

  return (
    <form className="form" onSubmit={submit} noValidate={false}>
      {error ? (
        <Alert tone="error" title={errorTitle(error, mode)}>
          <ErrorDetail error={error} />
        </Alert>
      ) : null}
      <Field label="Email">
        <input
          className="input"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </Field>
      <Field
        label="Password"
        hint={
          mode === 'signup' ? `At least ${PASSWORD_MIN_LENGTH} characters, hard to guess: several uncommon words work well.` : undefined
        }
        error={localError}
      >
        <input
          className="input"
          type="password"
          name="password"
          autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
          required
          maxLength={PASSWORD_MAX_LENGTH}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </Field>
      <button type="submit" className="button button--block" disabled={pending}>
        {pending ? 'Please wait…' : mode === 'login' ? 'Log in' : 'Create account'}
      </button>
    </form>
  );
}
