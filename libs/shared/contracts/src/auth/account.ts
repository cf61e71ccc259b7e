/** Request and response bodies of the account API. */
export type UserRole = 'customer' | 'support' | 'admin';
export const USER_ROLES: readonly UserRole[] = ['customer', 'support', 'admin'];

export const PASSWORD_MIN_LENGTH = 10;
/** Bounds the work an attacker can make the password hasher do per request. */
export const PASSWORD_MAX_LENGTH = 256;

export interface SignupRequest {
  email: string;
  password: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface CurrentUser {
  id: string;
  email: string;
  role: UserRole;
  /** ISO 8601. */
  createdAt: string;
  /**
   * The account still has the one-time password staff generated for it. Until the person changes
   * it (`AUTH_ROUTES.changePassword`), the session reaches only me, change-password and logout;
   * every other /api route answers 403 `password_change_required`.
   */
  passwordChangeRequired: boolean;
}

/** Body of signup, login and me. */
export interface SessionResponse {
  user: CurrentUser;
}
