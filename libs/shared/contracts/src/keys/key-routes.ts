/** Internal REST routes of the API key API (session cookie; a customer sees only their own keys). */
export const KEY_ROUTES = {
  list: '/api/keys',
  create: '/api/keys',
  get: (id: string) => `/api/keys/${encodeURIComponent(id)}`,
  update: (id: string) => `/api/keys/${encodeURIComponent(id)}`,
  revoke: (id: string) => `/api/keys/${encodeURIComponent(id)}/revoke`,
} as const;
