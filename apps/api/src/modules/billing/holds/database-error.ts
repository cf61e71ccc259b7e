import { QueryFailedError } from 'typeorm';

/** The SQLSTATE of a failed query, or null when the database was not reached (pool, network). */
export function sqlStateOf(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const code = (error.driverError as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/**
 * SQLSTATE classes that mean "the database was unavailable", so retrying can help:
 * 08 connection exception, 53 insufficient resources, 57 operator intervention (shutdown,
 * statement timeout), 40 transaction rollback (serialization failure, deadlock).
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const state = sqlStateOf(error);
  if (state === null) return true;
  return ['08', '53', '57', '40'].includes(state.slice(0, 2));
}
