import type { Repository } from 'typeorm';
import { BalanceService } from './balance.service';
import type { CreditAccountEntity } from '../entities/credit-account.entity';

function serviceWith(account: Partial<CreditAccountEntity> | null): BalanceService {
  const repository = { findOne: jest.fn().mockResolvedValue(account) } as unknown as Repository<CreditAccountEntity>;
  return new BalanceService(repository);
}

describe('BalanceService.balance', () => {
  it('derives available and net credits so that credits − usage = balance exactly', async () => {
    const balance = await serviceWith({ balanceMicros: 7_250_000n, heldMicros: 1_000_001n, usageMicros: 2_750_000n }).balance('u');
    expect(balance).toEqual({
      balanceMicros: 7_250_000n,
      heldMicros: 1_000_001n,
      availableMicros: 6_249_999n,
      totalCreditsMicros: 10_000_000n,
      totalUsageMicros: 2_750_000n,
    });
    expect(balance.totalCreditsMicros - balance.totalUsageMicros).toBe(balance.balanceMicros);
  });

  it('reports zeros for a user who never had credits', async () => {
    const balance = await serviceWith(null).balance('u');
    expect(Object.values(balance)).toEqual([0n, 0n, 0n, 0n, 0n]);
  });

  it('keeps a negative balance after a refund of spent credits visible as such', async () => {
    const balance = await serviceWith({ balanceMicros: -3_000_000n, heldMicros: 0n, usageMicros: 8_000_000n }).balance('u');
    expect(balance.availableMicros).toBe(-3_000_000n);
    expect(balance.totalCreditsMicros).toBe(5_000_000n);
  });
});
