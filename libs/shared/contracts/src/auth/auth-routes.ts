/** Internal REST routes of the account API (session cookie). */
export const AUTH_ROUTES = {
  signup: '/api/auth/signup',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  changePassword: '/api/auth/change-password',
} as const;

/** The httpOnly cookie that carries the dashboard session. */
export const SESSION_COOKIE_NAME = 'apilink_session';

/**
 * CSRF defence: every state-changing `/api` request (POST, PUT, PATCH, DELETE) must carry this
 * header with the value `1`. Browsers cannot add a custom header to a cross-site form post, and
 * a cross-site fetch with one needs a CORS preflight the API never grants; the SameSite=Lax
 * cookie is the second layer.
 */
export const CSRF_HEADER = 'x-apilink-csrf';
export const CSRF_HEADER_VALUE = '1';
