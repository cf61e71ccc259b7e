import { Command, Option } from 'nest-commander';
import { UsersService } from '../../modules/auth/users.service';
import { BalanceService, type AccountBalance } from '../../modules/billing/ledger/balance.service';
import { formatUsdForPeople } from '../../common/money/usd-amount';
import { CliCommand, type JsonOption } from '../cli-command';

interface Options extends JsonOption {
  email: string;
}

type Balance = { userId: string; email: string } & AccountBalance;

@Command({ name: 'credits:balance', description: "show a user's balance, held funds and totals" })
export class CreditsBalanceCommand extends CliCommand<Options, Balance> {
  constructor(
    private readonly users: UsersService,
    private readonly billing: BalanceService,
  ) {
    super();
  }

  protected async execute({ email }: Options): Promise<Balance> {
    const user = await this.users.getByEmail(email);
    return { userId: user.id, email: user.email, ...(await this.billing.balance(user.id)) };
  }

  protected describe(balance: Balance): string {
    return [
      `${balance.email} (id ${balance.userId})`,
      `  balance        ${formatUsdForPeople(balance.balanceMicros)}`,
      `  held           ${formatUsdForPeople(balance.heldMicros)}`,
      `  available      ${formatUsdForPeople(balance.availableMicros)}`,
      `  total credits  ${formatUsdForPeople(balance.totalCreditsMicros)}`,
      `  total usage    ${formatUsdForPeople(balance.totalUsageMicros)}`,
    ].join('\n');
  }

  @Option({ flags: '--email <email>', required: true })
  parseEmail(value: string): string {
    return value;
  }
}
