import { Command, Option } from 'nest-commander';
import { systemActor } from '../../modules/audit/audit-actor';
import { UsersService } from '../../modules/auth/users.service';
import { CreditAdjustmentService } from '../../modules/billing/ledger/credit-adjustment.service';
import { formatUsdForPeople, parseUsd } from '../../common/money/usd-amount';
import { CliCommand, type JsonOption } from '../cli-command';
import { CliUsageError } from '../cli-usage.error';

interface Options extends JsonOption {
  email: string;
  amountUsd: bigint;
  reason: string;
}

interface Granted {
  userId: string;
  email: string;
  amountMicros: bigint;
  ledgerEntryId: string;
  balanceMicros: bigint;
}

@Command({ name: 'credits:grant', description: 'give a user credits (a ledger grant, written to the audit log)' })
export class CreditsGrantCommand extends CliCommand<Options, Granted> {
  constructor(
    private readonly users: UsersService,
    private readonly adjustments: CreditAdjustmentService,
  ) {
    super();
  }

  protected async execute({ email, amountUsd, reason }: Options): Promise<Granted> {
    const user = await this.users.getByEmail(email);
    const posted = await this.adjustments.adjust(
      { userId: user.id, kind: 'grant', amountMicros: amountUsd, reason },
      { actor: systemActor('cli'), requestId: null },
    );
    return {
      userId: user.id,
      email: user.email,
      amountMicros: amountUsd,
      ledgerEntryId: posted.entryId,
      balanceMicros: posted.balanceAfterMicros,
    };
  }

  protected describe(granted: Granted): string {
    return `Granted ${formatUsdForPeople(granted.amountMicros)} to ${granted.email} (ledger entry ${granted.ledgerEntryId}); balance now ${formatUsdForPeople(granted.balanceMicros)}`;
  }

  @Option({ flags: '--email <email>', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--amount-usd <usd>', required: true, description: 'e.g. 10 or 2.50 (up to 6 decimals)' })
  parseAmountUsd(value: string): bigint {
    const micros = parseUsd(value, 6);
    if (micros === null || micros === 0n) throw new CliUsageError('--amount-usd must be a positive amount in USD, e.g. 10 or 2.50');
    return micros;
  }

  @Option({ flags: '--reason <text>', required: true, description: 'why (kept in the ledger and the audit log)' })
  parseReason(value: string): string {
    if (!value.trim() || value.length > 500) throw new CliUsageError('--reason must be 1 to 500 characters');
    return value.trim();
  }
}
