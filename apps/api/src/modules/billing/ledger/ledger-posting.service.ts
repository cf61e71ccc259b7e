import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { postMovement, type Movement, type PostedMovement } from './post-movement';

/** What payments move: money in (a top-up) and money that left through the provider (refund, lost dispute). */
export type PaymentMovement = Omit<Movement, 'kind' | 'paymentId' | 'actor'> & {
  kind: Extract<Movement['kind'], 'top_up' | 'refund' | 'dispute'>;
  paymentId: string;
};

/**
 * The ledger's face for the payments module: it posts the movements payments make, in the
 * caller's transaction (the payment's row lock and its invoice commit with them), and answers
 * whether a provider reference was already posted. Payments never writes billing's tables itself.
 */
@Injectable()
export class LedgerPostingService {
  post(manager: EntityManager, movement: PaymentMovement): Promise<PostedMovement> {
    return postMovement(manager, movement);
  }

  async isPosted(manager: EntityManager, kind: PaymentMovement['kind'], externalRef: string): Promise<boolean> {
    const [posted] = await manager.query('SELECT 1 FROM credit_ledger_entries WHERE kind = $1 AND external_ref = $2', [kind, externalRef]);
    return !!posted;
  }
}
