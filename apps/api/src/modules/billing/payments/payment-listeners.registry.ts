import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PaymentEntity } from '../entities/payment.entity';

/** The payment's transaction, for work that must commit or roll back with it. */
export interface PaymentTransaction {
  manager: EntityManager;
  /** Runs after the commit (e.g. enqueueing a job that must see the committed rows). */
  afterCommit(work: () => void): void;
}

export interface PaymentReversal {
  payment: PaymentEntity;
  kind: 'refund' | 'dispute';
  /** What this reversal takes back (positive). */
  amountMicros: bigint;
  /** The provider's reference for it (refund level or dispute id); unique. */
  externalRef: string;
}

/** Reacts to money arriving or leaving inside the same transaction (invoices, credit notes). */
export interface PaymentListener {
  onCompleted(tx: PaymentTransaction, payment: PaymentEntity): Promise<void>;
  onReversed(tx: PaymentTransaction, reversal: PaymentReversal): Promise<void>;
}

/**
 * Lets modules that depend on billing (invoices) hook into payments without billing importing
 * them: they register at init, as feature modules register authenticators.
 */
@Injectable()
export class PaymentListenersRegistry {
  private readonly listeners: PaymentListener[] = [];

  register(listener: PaymentListener): void {
    this.listeners.push(listener);
  }

  all(): readonly PaymentListener[] {
    return this.listeners;
  }
}
