import { Injectable } from '@nestjs/common';
import type { AdminUser, UserRole } from '@apilink/contracts';
import type { AuditContext } from '../audit/audit-actor';
import { UsersService } from '../auth/users.service';
import { CreditAdjustmentService } from '../billing/ledger/credit-adjustment.service';
import { generateOneTimePassword } from './one-time-password';

export interface NewAccount {
  email: string;
  name: string | null;
  role: UserRole;
  /** Zero for none. */
  initialCreditsMicros: bigint;
  reason: string | null;
}

export interface CreatedAccount {
  user: AdminUser;
  oneTimePassword: string;
  initialCredits: { ledgerEntryId: string; amountMicros: bigint } | null;
}

/**
 * Accounts made by an admin (admin only, route guard). The password is generated and answered
 * once, as cloud consoles do for accounts an administrator creates: the product sends no email,
 * so a reset link could not reach the person; staff hand it over and the person must replace it at
 * first sign-in (the account is flagged: its sessions reach nothing else until then). The `user.created` audit entry names the staff member; initial
 * credits are a ledger `adjustment` with its own audit entry.
 */
@Injectable()
export class AdminUserCreationService {
  constructor(
    private readonly users: UsersService,
    private readonly credits: CreditAdjustmentService,
  ) {}

  async create(context: AuditContext, account: NewAccount): Promise<CreatedAccount> {
    const oneTimePassword = generateOneTimePassword();
    const { id } = await this.users.create(
      { email: account.email, password: oneTimePassword, role: account.role, name: account.name, passwordChangeRequired: true },
      context,
    );
    const user = await this.users.getById(id);
    if (account.initialCreditsMicros === 0n) return { user, oneTimePassword, initialCredits: null };
    // A separate transaction: should it fail, the account stays and staff adjust its credits on its page.
    const posted = await this.credits.adjust(
      {
        userId: user.id,
        kind: 'adjustment',
        amountMicros: account.initialCreditsMicros,
        reason: account.reason ?? 'Initial credits on an account created by staff',
        reference: context.requestId ? `admin:${context.requestId}` : null,
      },
      context,
    );
    return { user, oneTimePassword, initialCredits: { ledgerEntryId: posted.entryId, amountMicros: account.initialCreditsMicros } };
  }
}
