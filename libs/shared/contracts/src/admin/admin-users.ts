/** Support and admin views of customer accounts (`/api/admin/users`). */
import type { UserRole } from '../auth/account';
import type { BalanceResponse } from '../billing/credits';
import type { Money } from '../billing/money';

export type AdminUserStatus = 'active' | 'disabled';

export interface AdminUser {
  id: string;
  email: string;
  role: UserRole;
  status: AdminUserStatus;
  disabledAt: string | null;
  createdAt: string;
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
