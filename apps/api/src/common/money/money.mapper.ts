import type { Money } from '@apilink/contracts';
import { formatUsd } from './usd-amount';

export function toMoney(micros: bigint): Money {
  return { micros: micros.toString(), usd: formatUsd(micros) };
}
