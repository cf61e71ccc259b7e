import { SANE_REQUEST_ID } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Any other parameter (model ids, file names, routes added later): printable and bounded.
const PLAIN = /^[^\x00-\x1f\x7f]{1,256}$/;
// A wildcard's rest of the path may be empty: the dashboard's fallback route serves `/` itself.
const PLAIN_REST = /^[^\x00-\x1f\x7f]{0,256}$/;

/**
 * Formats of the dashboard API's own identifiers, by parameter name. Only /api routes use them:
 * /v1 ids follow other vendors' formats and get the plain rule.
 */
const API_PARAM_FORMATS: Record<string, { pattern: RegExp; text: string }> = {
  id: { pattern: UUID, text: 'a UUID' },
  userId: { pattern: UUID, text: 'a UUID' },
  keyId: { pattern: UUID, text: 'a UUID' },
  invoiceId: { pattern: UUID, text: 'a UUID' },
  paymentId: { pattern: UUID, text: 'a UUID' },
  requestId: { pattern: SANE_REQUEST_ID, text: 'a request id (letters, digits and . _ : -, up to 128)' },
};

/**
 * Why a path parameter cannot name anything (so the route answers 404 before any query runs:
 * PostgreSQL rejects U+0000 and malformed UUIDs with errors that used to surface as 500s), or null.
 */
export function pathParamProblem(name: string, value: string, dashboardApi: boolean): string | null {
  const format = dashboardApi ? API_PARAM_FORMATS[name] : undefined;
  if (format) return format.pattern.test(value) ? null : `${name} must be ${format.text}`;
  // '*' is a wildcard route's rest of the path (/v1/models/openai/gpt-4o).
  if (name === '*') return PLAIN_REST.test(value) ? null : 'the path must be at most 256 printable characters';
  return PLAIN.test(value) ? null : `${name} must be 1-256 printable characters`;
}
