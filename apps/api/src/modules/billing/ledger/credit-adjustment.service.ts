import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../../common/errors/app-error';
import { DuplicateMovementError, InsufficientAvailableBalanceError, postMovement, type PostedMovement } from './post-movement';

export interface CreditAdjustment {
  userId: string;
  /** `grant`: credits given (positive); `adjustment`: a correction either way. */
  kind: 'grant' | 'adjustment';
  amountMicros: bigint;
  reason: string;
  /** Who did it, e.g. the operator's email or `cli`. */
  actor: string;
  /** Makes a retried command a no-op (unique per kind). */
  reference?: string | null;
}

/**
 * Credits given or corrected by people (operator CLI, support, admins). A debit never takes the
 * available balance below zero. The admin module wraps this with its audit entry and limits.
 */
@Injectable()
export class CreditAdjustmentService {
  constructor(private readonly db: DataSource) {}

  /** `extra` runs in the same transaction (e.g. writing the audit log entry). */
  async adjust(
    adjustment: CreditAdjustment,
    extra?: (manager: EntityManager, posted: PostedMovement) => Promise<void>,
  ): Promise<PostedMovement> {
    if (adjustment.amountMicros === 0n) throw AppError.invalidRequest('The amount must not be zero', 'amount');
    if (adjustment.kind === 'grant' && adjustment.amountMicros < 0n) throw AppError.invalidRequest('A grant must be positive', 'amount');
    if (!adjustment.reason.trim()) throw AppError.invalidRequest('A reason is required', 'reason');
    try {
      return await this.db.transaction(async (manager) => {
        const posted = await postMovement(manager, {
          userId: adjustment.userId,
          kind: adjustment.kind,
          amountMicros: adjustment.amountMicros,
          externalRef: adjustment.reference ?? null,
          description: adjustment.reason.trim().slice(0, 500),
          actor: adjustment.actor,
        });
        await extra?.(manager, posted);
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
