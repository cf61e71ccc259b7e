import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@apilink/contracts';

/**
 * The API refuses state-changing /api requests without this header: a cross-site form cannot add
 * it and a cross-site fetch would need a CORS preflight the API never grants.
 */
export function csrfHeaders(): Record<string, string> {
  return { [CSRF_HEADER]: CSRF_HEADER_VALUE };
}
