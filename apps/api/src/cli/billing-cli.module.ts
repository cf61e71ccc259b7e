import { Module } from '@nestjs/common';
import { AuthModule } from '../modules/auth/auth.module';
import { LedgerModule } from '../modules/billing/ledger/ledger.module';
import { CreditsBalanceCommand } from './commands/credits-balance.command';
import { CreditsGrantCommand } from './commands/credits-grant.command';
import { DemoSeedCommand } from './commands/demo-seed.command';

/** credits:* and demo:seed commands (the ledger only: no payment provider, no reaper in a CLI run). */
@Module({
  imports: [AuthModule, LedgerModule],
  providers: [CreditsGrantCommand, CreditsBalanceCommand, DemoSeedCommand],
})
export class BillingCliModule {}
