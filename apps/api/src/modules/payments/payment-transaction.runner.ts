import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PaymentTransaction } from './payment-listeners.registry';

/** Opens the transaction money movements run in, and runs after-commit work once it committed. */
@Injectable()
export class PaymentTransactionRunner {
  constructor(private readonly db: DataSource) {}

  async run<T>(work: (tx: PaymentTransaction) => Promise<T>): Promise<T> {
    const afterCommit: (() => void)[] = [];
    const result = await this.db.transaction((manager) => work({ manager, afterCommit: (job) => afterCommit.push(job) }));
    for (const job of afterCommit) job();
    return result;
  }
}
