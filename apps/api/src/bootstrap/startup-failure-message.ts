/** Errors whose message is the whole story (a bad variable, a missing schema): printed plainly, without a stack. */
const PLAIN_ERRORS = new Set(['ConfigValidationError', 'DatabaseSchemaError']);

/** What main.ts and the CLI print when start-up fails. */
export function startupFailureMessage(error: unknown): unknown {
  return error instanceof Error && PLAIN_ERRORS.has(error.name) ? error.message : error;
}
