import { routePath } from '../http/route-path';

/** Internal REST routes of the API key API (session cookie; a customer sees only their own keys). */
export const KEY_ROUTES = {
  list: '/api/keys',
  create: '/api/keys',
  get: routePath('/api/keys/:id'),
  update: routePath('/api/keys/:id'),
  revoke: routePath('/api/keys/:id/revoke'),
} as const;
