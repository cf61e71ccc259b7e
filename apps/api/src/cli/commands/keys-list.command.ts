import type { ApiKeySummary } from '@apilink/contracts';
import { Command, Option } from 'nest-commander';
import { UsersService } from '../../modules/auth/users.service';
import { KeysService } from '../../modules/keys/keys.service';
import { CliCommand, type JsonOption } from '../cli-command';

interface Options extends JsonOption {
  email: string;
}

@Command({ name: 'keys:list', description: "list a user's API keys (never their secrets)" })
export class KeysListCommand extends CliCommand<Options, ApiKeySummary[]> {
  constructor(
    private readonly users: UsersService,
    private readonly keys: KeysService,
  ) {
    super();
  }

  protected async execute({ email }: Options): Promise<ApiKeySummary[]> {
    const user = await this.users.getByEmail(email);
    return this.keys.listForOwner(user.id);
  }

  protected describe(keys: ApiKeySummary[]): string {
    if (keys.length === 0) return 'No API keys';
    return keys
      .map((key) => `${key.id}  ${key.displayKey}  ${key.status.padEnd(7)}  rpm ${key.rpmLimit ?? 'default'}  ${key.name}`)
      .join('\n');
  }

  @Option({ flags: '--email <email>', required: true })
  parseEmail(value: string): string {
    return value;
  }
}
