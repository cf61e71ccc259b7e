import type { Payment } from '@apilink/contracts';
import type { PaymentEntity } from '../entities/payment.entity';
import { toMoney } from '../../../common/money/money.mapper';

export function toPayment(entity: PaymentEntity): Payment {
  return {
    id: entity.id,
    provider: entity.provider,
    status: entity.status,
    amount: toMoney(entity.amountMicros),
    refunded: toMoney(entity.refundedMicros),
    disputed: toMoney(entity.disputedMicros),
    createdAt: entity.createdAt.toISOString(),
    completedAt: entity.completedAt?.toISOString() ?? null,
  };
}
