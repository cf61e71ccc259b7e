/** The loading, error and empty states every page shows while its data is not (yet) there. */
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api-client';
import { Spinner } from './spinner';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state--loading">
      <Spinner label={label} />
      <span>{label}</span>
    </div>
  );
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}

export function errorRequestId(error: unknown): string | null {
  return error instanceof ApiError ? error.requestId : null;
}

interface ErrorStateProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

export function ErrorState({ error, title = 'Could not load this', onRetry }: ErrorStateProps) {
  return (
    <div className="state state--error" role="alert">
      <strong>{title}</strong>
      <ErrorDetail error={error} />
      {onRetry ? (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** The message plus the request id, which support needs to find the request in the logs. */
export function ErrorDetail({ error }: { error: unknown }) {
  const requestId = errorRequestId(error);
  return (
    <span className="error-detail">
      {errorText(error)}
      {requestId ? (
        <>
          {' '}
          <span className="error-detail__id">
            Request id: <code>{requestId}</code>
          </span>
        </>
      ) : null}
    </span>
  );
}

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}

export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="state state--empty">
      <strong>{title}</strong>
      {children ? <p>{children}</p> : null}
      {action}
    </div>
  );
}
