import type { LedgerEntry } from '@apilink/contracts';
import type { LedgerEntryEntity } from '../entities/ledger-entry.entity';
import { toMoney } from '../../../common/money/money.mapper';

export function toLedgerEntry(entity: LedgerEntryEntity): LedgerEntry {
  return {
    id: entity.id,
    kind: entity.kind,
    amount: toMoney(entity.balanceDeltaMicros),
    heldChange: toMoney(entity.heldDeltaMicros),
    balanceAfter: toMoney(entity.balanceAfterMicros),
    heldAfter: toMoney(entity.heldAfterMicros),
    requestId: entity.requestId,
    paymentId: entity.paymentId,
    description: entity.description,
    createdAt: entity.createdAt.toISOString(),
  };
}
