import { Injectable } from '@nestjs/common';
import type { PaymentProviderKind } from '@apilink/contracts';
import type { EntityManager } from 'typeorm';

/** The payment's transaction, for work that must commit or roll back with it. */
export interface PaymentTransaction {
  manager: EntityManager;
  /** Runs after the commit (e.g. enqueueing a job that must see the committed rows). */
  afterCommit(work: () => void): void;
}

/** What a listener learns of a completed payment (the entity stays inside payments). */
export interface SettledPayment {
  readonly id: string;
  readonly userId: string;
  readonly provider: PaymentProviderKind;
  /** What the provider confirmed was paid. */
  readonly amountMicros: bigint;
  readonly currency: string;
  /** The provider's payment reference (Stripe PaymentIntent), null for test payments. */
  readonly providerPaymentId: string | null;
}

export interface PaymentReversal {
  payment: SettledPayment;
  kind: 'refund' | 'dispute';
  /** What this reversal takes back (positive). */
  amountMicros: bigint;
  /** The provider's reference for it (refund level or dispute id); unique. */
  externalRef: string;
}

/** Reacts to money arriving or leaving inside the same transaction (invoices, credit notes). */
export interface PaymentListener {
  onCompleted(tx: PaymentTransaction, payment: SettledPayment): Promise<void>;
  onReversed(tx: PaymentTransaction, reversal: PaymentReversal): Promise<void>;
}

/**
 * Lets modules that depend on payments (invoices) hook into them without payments importing
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
