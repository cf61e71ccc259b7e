import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../../../common/errors/app-error';
import type { AuditContext } from '../../audit/audit-actor';
import { AuditService } from '../../audit/audit.service';
import { DuplicateMovementError, InsufficientAvailableBalanceError, postMovement, type PostedMovement } from './post-movement';

export interface CreditAdjustment {
  userId: string;
  /** `grant`: credits given (positive); `adjustment`: a correction either way. */
  kind: 'grant' | 'adjustment';
  amountMicros: bigint;
  reason: string;
  /** Makes a retried command a no-op (unique per kind). */
  reference?: string | null;
}

export const CREDITS_GRANT_ACTION = 'credits.grant';
export const CREDITS_ADJUST_ACTION = 'credits.adjust';

/**
 * Credits given or corrected by people (operator CLI, support, admins): a ledger entry and its
 * audit log entry, committed together. A debit never takes the available balance below zero.
 * Role limits (support's maximum per action) belong to the caller (the admin module).
 */
@Injectable()
export class CreditAdjustmentService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async adjust(adjustment: CreditAdjustment, context: AuditContext): Promise<PostedMovement> {
    const reason = adjustment.reason.trim();
    if (adjustment.amountMicros === 0n) throw AppError.invalidRequest('The amount must not be zero', 'amount');
    if (adjustment.kind === 'grant' && adjustment.amountMicros < 0n) throw AppError.invalidRequest('A grant must be positive', 'amount');
    if (!reason) throw AppError.invalidRequest('A reason is required', 'reason');
    const actor = context.actor.type === 'user' ? context.actor.email : context.actor.name;
    try {
      return await this.db.transaction(async (manager) => {
        const posted = await postMovement(manager, {
          userId: adjustment.userId,
          kind: adjustment.kind,
          amountMicros: adjustment.amountMicros,
          externalRef: adjustment.reference ?? null,
          description: reason.slice(0, 500),
          actor,
        });
        await this.audit.record(
          context,
          {
            action: adjustment.kind === 'grant' ? CREDITS_GRANT_ACTION : CREDITS_ADJUST_ACTION,
            targetType: 'user',
            targetId: adjustment.userId,
            before: { balanceMicros: posted.balanceAfterMicros - adjustment.amountMicros },
            after: { balanceMicros: posted.balanceAfterMicros, ledgerEntryId: posted.entryId, amountMicros: adjustment.amountMicros },
            reason,
          },
          manager,
        );
        return posted;
      });
    } catch (error) {
      if (error instanceof InsufficientAvailableBalanceError) {
        throw AppError.conflict('The debit is larger than the available balance', 'amount');
      }
      if (error instanceof DuplicateMovementError) throw AppError.conflict('This reference was already applied', 'reference');
      throw error;
    }
  }
}
