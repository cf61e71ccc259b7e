import type { CreatedApiKey } from '@apilink/contracts';
import { Command, Option } from 'nest-commander';
import { UsersService } from '../../modules/auth/users.service';
import { KeysService } from '../../modules/keys/keys.service';
import { CliCommand, type JsonOption } from '../cli-command';
import { CliUsageError } from '../cli-usage.error';

interface Options extends JsonOption {
  email: string;
  name: string;
  rpm?: number;
  expiresAt?: Date;
  spendCapMicros?: bigint;
}

@Command({ name: 'keys:create', description: 'create an API key for a user; prints the secret once' })
export class KeysCreateCommand extends CliCommand<Options, CreatedApiKey> {
  constructor(
    private readonly users: UsersService,
    private readonly keys: KeysService,
  ) {
    super();
  }

  protected async execute({ email, name, rpm, expiresAt, spendCapMicros }: Options): Promise<CreatedApiKey> {
    const user = await this.users.getByEmail(email);
    // Operators may set any limit, including above RATE_LIMIT_RPM.
    return this.keys.create(
      user.id,
      { name, rpmLimit: rpm ?? null, expiresAt: expiresAt ?? null, spendCapMicros: spendCapMicros ?? null },
      { operator: true },
    );
  }

  protected describe({ key, secret }: CreatedApiKey): string {
    return [`Created key "${key.name}" (id ${key.id})`, `Secret (shown once, store it now): ${secret}`].join('\n');
  }

  @Option({ flags: '--email <email>', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', required: true })
  parseName(value: string): string {
    if (value.trim().length === 0 || value.length > 100) throw new CliUsageError('--name must be 1 to 100 characters');
    return value.trim();
  }

  @Option({ flags: '--rpm <n>', description: 'requests per minute for this key (default RATE_LIMIT_RPM)' })
  parseRpm(value: string): number {
    const rpm = Number(value);
    if (!Number.isInteger(rpm) || rpm < 1 || rpm > 1_000_000) throw new CliUsageError('--rpm must be a whole number from 1 to 1000000');
    return rpm;
  }

  @Option({ flags: '--expires-at <iso-date>', description: 'when the key stops working (ISO 8601)' })
  parseExpiresAt(value: string): Date {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw new CliUsageError('--expires-at must be an ISO 8601 date');
    return date;
  }

  @Option({ flags: '--spend-cap-micros <n>', description: 'spend cap in micro-USD (1000000 = $1)' })
  parseSpendCap(value: string): bigint {
    if (!/^\d{1,18}$/.test(value)) throw new CliUsageError('--spend-cap-micros must be a whole number of micro-USD');
    return BigInt(value);
  }
}
