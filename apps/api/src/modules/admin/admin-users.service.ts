import { Inject, Injectable } from '@nestjs/common';
import {
  AUDIT_ACTIONS,
  type AdminUser,
  type ApiKeySummary,
  type CreditAdjustmentResponse,
  type ResetPasswordResponse,
  type UserRole,
} from '@apilink/contracts';
import { AppError } from '../../common/errors/app-error';
import { adminConfig } from '../../config/admin.config';
import type { ConfigOf } from '../../config/define-config';
import type { AuditContext } from '../audit/audit-actor';
import { AuditService } from '../audit/audit.service';
import { UsersService } from '../auth/users.service';
import { BalanceService } from '../billing/ledger/balance.service';
import { CreditAdjustmentService } from '../billing/ledger/credit-adjustment.service';
import { toMoney } from '../../common/money/money.mapper';
import { formatUsd } from '../../common/money/usd-amount';
import { KeysService } from '../keys/keys.service';
import { generateOneTimePassword } from './one-time-password';

/**
 * What support and admins do to an account. Each change is recorded in the audit log in the
 * transaction that makes it, or (when another service commits on its own connection so it can
 * invalidate caches after) in a transaction that only commits once the change has succeeded.
 */
@Injectable()
export class AdminUsersService {
  constructor(
    private readonly users: UsersService,
    private readonly keys: KeysService,
    private readonly billing: BalanceService,
    private readonly credits: CreditAdjustmentService,
    private readonly audit: AuditService,
    @Inject(adminConfig.KEY) private readonly config: ConfigOf<typeof adminConfig>,
  ) {}

  /** Signed micro-USD; support staff are capped per action, admins are not. */
  async adjustCredits(context: AuditContext, userId: string, amountMicros: bigint, reason: string): Promise<CreditAdjustmentResponse> {
    const limit = this.config.supportCreditAdjustmentLimitMicros;
    const magnitude = amountMicros < 0n ? -amountMicros : amountMicros;
    if (context.actor.type === 'user' && context.actor.role !== 'admin' && magnitude > limit) {
      throw AppError.forbidden(`Support can adjust at most ${formatUsd(limit)} USD per action; ask an admin for more`);
    }
    await this.users.getById(userId);
    // The ledger entry and its audit entry commit together inside the billing module.
    const posted = await this.credits.adjust(
      // A retried call with the same X-Request-Id does not move money twice.
      { userId, kind: 'adjustment', amountMicros, reason, reference: context.requestId ? `admin:${context.requestId}` : null },
      context,
    );
    return { ledgerEntryId: posted.entryId, amount: toMoney(amountMicros), balance: await this.billing.balanceResponse(userId) };
  }

  /** Sessions end and the user's API keys stop working on every instance within a second. */
  async disable(context: AuditContext, userId: string, reason?: string): Promise<AdminUser> {
    const target = await this.actOnAccount(context, userId, 'disable or enable');
    if (target.status === 'disabled') return target;
    return this.audit.audited(context, async () => {
      const user = await this.users.disable(userId);
      return { result: user, record: this.statusRecord(AUDIT_ACTIONS.UserDisabled, target, user, reason) };
    });
  }

  async enable(context: AuditContext, userId: string, reason?: string): Promise<AdminUser> {
    const target = await this.actOnAccount(context, userId, 'disable or enable');
    if (target.status === 'active') return target;
    return this.audit.audited(context, async () => {
      const user = await this.users.enable(userId);
      return { result: user, record: this.statusRecord(AUDIT_ACTIONS.UserEnabled, target, user, reason) };
    });
  }

  /**
   * A new one-time password, answered once (never logged or audited): the account is flagged again
   * and its sessions end, so whoever holds the old password or a session is out at once. Same role
   * rules as disabling: support resets customers only, nobody their own (they change it instead).
   */
  async resetPassword(context: AuditContext, userId: string, reason?: string): Promise<ResetPasswordResponse> {
    const target = await this.actOnAccount(context, userId, 'reset the password of');
    const oneTimePassword = generateOneTimePassword();
    const user = await this.audit.audited(context, async (manager) => {
      const reset = await this.users.resetPassword(userId, oneTimePassword, manager);
      return {
        result: reset,
        record: {
          action: AUDIT_ACTIONS.UserPasswordReset,
          targetType: 'user',
          targetId: userId,
          before: { passwordChangeRequired: target.passwordChangeRequired },
          after: { passwordChangeRequired: true, sessionsRevoked: true },
          reason,
        },
      };
    });
    return { user, oneTimePassword };
  }

  /** Admin only (route guard). Nobody changes their own role, so the acting admin always remains. */
  async changeRole(context: AuditContext, userId: string, role: UserRole, reason?: string): Promise<AdminUser> {
    if (context.actor.type === 'user' && context.actor.userId === userId) throw AppError.forbidden('You cannot change your own role');
    await this.users.getById(userId);
    return this.audit.audited(context, async (manager) => {
      const { previousRole, user } = await this.users.setRole(userId, role, manager);
      const record =
        previousRole === role
          ? null
          : {
              action: AUDIT_ACTIONS.UserRoleChanged,
              targetType: 'user',
              targetId: userId,
              before: { role: previousRole },
              after: { role },
              reason,
            };
      return { result: user, record };
    });
  }

  /** Idempotent: revoking a revoked key records nothing new. */
  async revokeKey(context: AuditContext, userId: string, keyId: string, reason?: string): Promise<ApiKeySummary> {
    // Another user's key is a 404, like a key that does not exist.
    const key = await this.keys.getForOwner(userId, keyId);
    if (key.revokedAt) return key;
    return this.audit.audited(context, async () => {
      const revoked = await this.keys.revoke(keyId);
      return {
        result: revoked,
        record: {
          action: AUDIT_ACTIONS.KeyRevoked,
          targetType: 'api_key',
          targetId: keyId,
          before: { userId, revokedAt: null },
          after: { userId, revokedAt: revoked.revokedAt },
          reason,
        },
      };
    });
  }

  /** Support may act on customers only; nobody acts on their own account. `verb` completes the refusals. */
  private async actOnAccount(context: AuditContext, userId: string, verb: string): Promise<AdminUser> {
    const target = await this.users.getById(userId);
    if (context.actor.type === 'user') {
      if (context.actor.userId === userId) throw AppError.forbidden(`You cannot ${verb} your own account`);
      if (context.actor.role !== 'admin' && target.role !== 'customer') throw AppError.forbidden(`Only admins can ${verb} staff accounts`);
    }
    return target;
  }

  private statusRecord(action: string, before: AdminUser, after: AdminUser, reason?: string) {
    const view = (user: AdminUser) => ({ status: user.status, disabledAt: user.disabledAt });
    return { action, targetType: 'user', targetId: after.id, before: view(before), after: view(after), reason };
  }
}
