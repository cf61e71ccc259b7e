import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { BalanceResponse } from '@apilink/contracts';
import type { Repository } from 'typeorm';
import { CreditAccountEntity } from '../entities/credit-account.entity';
import { toBalanceResponse } from '../mappers/balance.mapper';

export interface AccountBalance {
  balanceMicros: bigint;
  heldMicros: bigint;
  availableMicros: bigint;
  /** Net credits (top-ups, grants, adjustments, minus refunds and disputes) = balance + usage. */
  totalCreditsMicros: bigint;
  totalUsageMicros: bigint;
}

/** Reads of an account's balance (the writers are the hold functions and postMovement). */
@Injectable()
export class BalanceService {
  constructor(@InjectRepository(CreditAccountEntity) private readonly accounts: Repository<CreditAccountEntity>) {}

  /** A user who never had credits has an all-zero balance (the account row appears on first credit). */
  async balance(userId: string): Promise<AccountBalance> {
    const account = await this.accounts.findOne({ where: { userId } });
    const balance = account?.balanceMicros ?? 0n;
    const held = account?.heldMicros ?? 0n;
    const usage = account?.usageMicros ?? 0n;
    return {
      balanceMicros: balance,
      heldMicros: held,
      availableMicros: balance - held,
      totalCreditsMicros: balance + usage,
      totalUsageMicros: usage,
    };
  }

  /** The balance as the dashboard and the staff pages show it. */
  async balanceResponse(userId: string): Promise<BalanceResponse> {
    return toBalanceResponse(await this.balance(userId));
  }
}
