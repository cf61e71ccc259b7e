import { Injectable, Logger } from '@nestjs/common';
import type { PaymentProviderKind } from '@apilink/contracts';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { PaymentEntity } from './entities/payment.entity';
import { LedgerPostingService } from '../billing/ledger/ledger-posting.service';
import { PaymentListenersRegistry, type PaymentReversal, type PaymentTransaction } from './payment-listeners.registry';
import { PaymentTransactionRunner } from './payment-transaction.runner';

export type SettlementOutcome = 'credited' | 'already_credited' | 'debited' | 'already_debited' | 'unknown_payment';

/** A reversal for a payment we have not seen complete yet: the provider should redeliver later. */
export class PaymentNotCompletedError extends Error {
  constructor(readonly paymentId: string) {
    super(`Payment ${paymentId} is not completed yet`);
    this.name = PaymentNotCompletedError.name;
  }
}

export interface CompletePayment {
  paymentId: string;
  provider: PaymentProviderKind;
  /** What the provider confirms was paid (credited as such). */
  paidMicros: bigint;
  /** The provider's payment reference that later refunds and disputes name. */
  providerPaymentId: string;
}

type PaymentRef = { provider: PaymentProviderKind; providerPaymentId: string } | { provider: PaymentProviderKind; paymentId: string };

/**
 * Money in and out through payments: credits a completed payment exactly once and debits refunds
 * and lost disputes exactly once, each with its ledger entry (and, through the listeners, its
 * invoice or credit note) in one transaction. The payment row lock serialises duplicate and
 * concurrent deliveries; the ledger's unique reference is the last line of defence (a duplicate
 * there raises and rolls everything back).
 */
@Injectable()
export class PaymentSettlementService {
  private readonly logger = new Logger(PaymentSettlementService.name);

  constructor(
    private readonly runner: PaymentTransactionRunner,
    private readonly listeners: PaymentListenersRegistry,
    private readonly ledger: LedgerPostingService,
  ) {}

  /** Runs in `outer` when given (a webhook's claim of its event id), else in its own transaction. */
  complete(command: CompletePayment, outer?: PaymentTransaction): Promise<SettlementOutcome> {
    return this.within(outer, async (tx) => {
      const payment = await this.lockPayment(tx.manager, { provider: command.provider, paymentId: command.paymentId });
      if (!payment) return 'unknown_payment';
      if (payment.status === 'completed') return 'already_credited';
      if (payment.status !== 'pending') {
        // Money arrived after we gave up on the checkout (expired, cancelled): it is still credited.
        this.logger.warn({ paymentId: payment.id, status: payment.status }, 'Completing a payment that was not pending');
      }
      payment.status = 'completed';
      payment.amountMicros = command.paidMicros;
      payment.providerPaymentId = command.providerPaymentId;
      payment.completedAt = new Date();
      payment.updatedAt = payment.completedAt;
      await tx.manager.getRepository(PaymentEntity).save(payment);
      await this.ledger.post(tx.manager, {
        userId: payment.userId,
        kind: 'top_up',
        amountMicros: command.paidMicros,
        paymentId: payment.id,
        externalRef: payment.id,
        description: payment.provider === 'test' ? 'Top-up (TEST payment, no money charged)' : 'Top-up by card (Stripe)',
      });
      for (const listener of this.listeners.all()) await listener.onCompleted(tx, payment);
      return 'credited';
    });
  }

  /** Stripe reports the running total refunded on a charge; only the increase is debited. */
  recordRefund(ref: PaymentRef, totalRefundedMicros: bigint, outer?: PaymentTransaction): Promise<SettlementOutcome> {
    return this.reverse(ref, outer, async (payment) => {
      const increase = totalRefundedMicros - payment.refundedMicros;
      if (increase <= 0n) return null;
      payment.refundedMicros = totalRefundedMicros;
      return { kind: 'refund', amountMicros: increase, externalRef: `refund:${payment.id}:${totalRefundedMicros}` };
    });
  }

  recordLostDispute(ref: PaymentRef, disputeId: string, amountMicros: bigint, outer?: PaymentTransaction): Promise<SettlementOutcome> {
    return this.reverse(ref, outer, async (payment, manager) => {
      const externalRef = `dispute:${disputeId}`;
      if (await this.ledger.isPosted(manager, 'dispute', externalRef)) return null;
      payment.disputedMicros += amountMicros;
      return { kind: 'dispute', amountMicros, externalRef };
    });
  }

  /** `plan` runs under the payment's row lock, so its checks see every earlier reversal. */
  private reverse(
    ref: PaymentRef,
    outer: PaymentTransaction | undefined,
    plan: (payment: PaymentEntity, manager: EntityManager) => Promise<Omit<PaymentReversal, 'payment'> | null>,
  ): Promise<SettlementOutcome> {
    return this.within(outer, async (tx) => {
      const payment = await this.lockPayment(tx.manager, ref);
      if (!payment) return 'unknown_payment';
      if (payment.status !== 'completed') throw new PaymentNotCompletedError(payment.id);
      const reversal = await plan(payment, tx.manager);
      if (!reversal) return 'already_debited';
      payment.updatedAt = new Date();
      await tx.manager.getRepository(PaymentEntity).save(payment);
      await this.ledger.post(tx.manager, {
        userId: payment.userId,
        kind: reversal.kind,
        amountMicros: -reversal.amountMicros,
        paymentId: payment.id,
        externalRef: reversal.externalRef,
        description: reversal.kind === 'refund' ? 'Payment refunded' : 'Payment dispute lost',
      });
      for (const listener of this.listeners.all()) await listener.onReversed(tx, { ...reversal, payment });
      return 'debited';
    });
  }

  private async lockPayment(manager: EntityManager, ref: PaymentRef): Promise<PaymentEntity | null> {
    // Ids come from the provider's echo of our reference; anything but a uuid is someone else's.
    if ('paymentId' in ref && !isUUID(ref.paymentId)) return null;
    const where =
      'paymentId' in ref
        ? { id: ref.paymentId, provider: ref.provider }
        : { providerPaymentId: ref.providerPaymentId, provider: ref.provider };
    return manager.getRepository(PaymentEntity).findOne({ where, lock: { mode: 'pessimistic_write' } });
  }

  private within<T>(outer: PaymentTransaction | undefined, work: (tx: PaymentTransaction) => Promise<T>): Promise<T> {
    return outer ? work(outer) : this.runner.run(work);
  }
}
