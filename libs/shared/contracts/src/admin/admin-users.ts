/** Support and admin views of customer accounts (`/api/admin/users`). */
import type { UserRole } from '../auth/account';
import type { BalanceResponse } from '../billing/credits';
import type { Money } from '../billing/money';

export type AdminUserStatus = 'active' | 'disabled';

export interface AdminUser {
  id: string;
  email: string;
  /** The person's name as staff entered it; null for self sign-ups. */
  name: string | null;
  role: UserRole;
  status: AdminUserStatus;
  disabledAt: string | null;
  createdAt: string;
  /** Staff created the account and the person has not yet replaced the one-time password. */
  passwordChangeRequired: boolean;
}

/** Query string of `GET /api/admin/users`: `email` matches any part of the address, case-insensitively. */
export interface AdminUserSearchQuery {
  email?: string;
  page?: number;
  pageSize?: number;
}

/** Body of every support action that needs only a justification (revoke, disable, enable). */
export interface AdminActionRequest {
  /** Written to the audit log. */
  reason?: string;
}

export const CREDIT_ADJUSTMENT_REASON_MAX_LENGTH = 500;

/** `POST /api/admin/users/{id}/credit-adjustments` */
export interface CreditAdjustmentRequest {
  /**
   * Signed USD with at most 6 decimals, e.g. "25", "-3.50". Support staff are limited per action
   * (SUPPORT_CREDIT_ADJUSTMENT_LIMIT_USD, either sign); admins are not. A debit never takes the
   * available balance below zero.
   */
  amountUsd: string;
  /** Mandatory: why the balance changes (ticket number, goodwill...). */
  reason: string;
}

export interface CreditAdjustmentResponse {
  /** The `adjustment` entry in the user's ledger. */
  ledgerEntryId: string;
  amount: Money;
  /** The balance right after the adjustment. */
  balance: BalanceResponse;
}

export const USER_NAME_MAX_LENGTH = 200;

/**
 * `POST /api/admin/users` (admin only): an account made by staff. Its password is generated and
 * answered once (CreatedUser.oneTimePassword), to be handed over through a channel of the staff's
 * choosing; the person replaces it (`AUTH_ROUTES.changePassword`). Initial credits are a ledger
 * `adjustment` with `reason`, audited like any other.
 */
export interface CreateUserRequest {
  email: string;
  name?: string;
  /** Default `customer`. */
  role?: UserRole;
  /** USD with at most 6 decimals, e.g. "10" or "2.50"; omitted or "0" for none. */
  initialCreditsUsd?: string;
  /** Written to the audit log and, with initial credits, to the ledger. */
  reason?: string;
}

export interface CreatedUser {
  user: AdminUser;
  /** Shown once: it is stored only as a hash, never logged and never in the audit log. */
  oneTimePassword: string;
  /** The initial credits' `adjustment` entry, or null without initial credits. */
  initialCredits: { ledgerEntryId: string; amount: Money } | null;
}

/**
 * `POST /api/admin/users/{id}/reset-password`: a new generated one-time password, answered once.
 * The account is flagged again (passwordChangeRequired) and all its sessions end.
 */
export interface ResetPasswordResponse {
  user: AdminUser;
  /** Shown once: it is stored only as a hash, never logged and never in the audit log. */
  oneTimePassword: string;
}

/** `PUT /api/admin/users/{id}/role` (admin only). */
export interface ChangeRoleRequest {
  role: UserRole;
  reason?: string;
}

/** What the staff pages need to know before an action is refused (`GET /api/admin/settings`). */
export interface StaffSettings {
  /** Largest credit adjustment (either sign) one support action may make; admins have none. */
  supportCreditAdjustmentLimit: Money;
  /** False while UPSTREAM_ENCRYPTION_KEY is unset: upstream accounts cannot be stored (their API keys are encrypted with it). */
  upstreamKeysStorable: boolean;
}
