import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, Option } from 'nest-commander';
import { appConfig } from '../../config/app.config';
import type { ConfigOf } from '../../config/define-config';
import { systemActor } from '../../modules/audit/audit-actor';
import { UsersService } from '../../modules/auth/users.service';
import { CreditAdjustmentService } from '../../modules/billing/ledger/credit-adjustment.service';
import { formatUsdForPeople, parseUsd } from '../../common/money/usd-amount';
import { KeysService } from '../../modules/keys/keys.service';
import { CliCommand, type JsonOption } from '../cli-command';
import { CliUsageError } from '../cli-usage.error';

interface Options extends JsonOption {
  email?: string;
  amountUsd?: bigint;
}

interface Seeded {
  email: string;
  password: string;
  balanceMicros: bigint;
  apiKey: string;
}

const DEFAULT_AMOUNT_MICROS = 5_000_000n;

/** Steps 2 to 4 of the quickstart without a browser: an account, credits (an audited grant) and a key. */
@Command({ name: 'demo:seed', description: 'create a demo customer with $5 of credits and an API key; prints its password and key' })
export class DemoSeedCommand extends CliCommand<Options, Seeded> {
  constructor(
    private readonly users: UsersService,
    private readonly adjustments: CreditAdjustmentService,
    private readonly keys: KeysService,
    @Inject(appConfig.KEY) private readonly app: ConfigOf<typeof appConfig>,
  ) {
    super();
  }

  protected async execute({ email, amountUsd = DEFAULT_AMOUNT_MICROS }: Options): Promise<Seeded> {
    // A fresh address each run, so seeding twice gives two accounts instead of an error.
    const address = email ?? `demo-${randomBytes(4).toString('hex')}@example.com`;
    const password = randomBytes(18).toString('base64url');
    const audit = { actor: systemActor('cli'), requestId: null };
    const user = await this.users.create({ email: address, password, role: 'customer' }, audit);
    const posted = await this.adjustments.adjust({ userId: user.id, kind: 'grant', amountMicros: amountUsd, reason: 'demo:seed' }, audit);
    const { secret } = await this.keys.create(user.id, { name: 'demo', rpmLimit: null, expiresAt: null, spendCapMicros: null });
    return { email: user.email, password, balanceMicros: posted.balanceAfterMicros, apiKey: secret };
  }

  protected describe(seeded: Seeded): string {
    return [
      `Demo account ${seeded.email} (password ${seeded.password}) with ${formatUsdForPeople(seeded.balanceMicros)} of credits`,
      `API key (shown once): ${seeded.apiKey}`,
      `Try: curl ${this.app.publicUrl}/v1/chat/completions -H "Authorization: Bearer ${seeded.apiKey}" -H "Content-Type: application/json" -d '{"model":"apilink/echo","messages":[{"role":"user","content":"Hello"}]}'`,
    ].join('\n');
  }

  @Option({ flags: '--email <email>', description: 'the demo account (default demo-<random>@example.com)' })
  parseEmail(value: string): string {
    if (!/^[^\s@]+@[^\s@]+$/.test(value.trim())) throw new CliUsageError('--email must be an email address');
    return value.trim();
  }

  @Option({ flags: '--amount-usd <usd>', description: 'credits to grant (default 5)' })
  parseAmountUsd(value: string): bigint {
    const micros = parseUsd(value, 6);
    if (micros === null || micros === 0n) throw new CliUsageError('--amount-usd must be a positive amount in USD, e.g. 5 or 2.50');
    return micros;
  }
}
