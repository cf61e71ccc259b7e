import { Command, Option } from 'nest-commander';
import { UsersService } from '../../modules/auth/users.service';
import { CliCommand, type JsonOption } from '../cli-command';

interface Options extends JsonOption {
  email: string;
}

interface Disabled {
  id: string;
  email: string;
  disabledAt: string | null;
}

@Command({ name: 'users:disable', description: 'disable a user: ends their sessions and stops their API keys' })
export class UsersDisableCommand extends CliCommand<Options, Disabled> {
  constructor(private readonly users: UsersService) {
    super();
  }

  protected async execute({ email }: Options): Promise<Disabled> {
    const user = await this.users.disable((await this.users.getByEmail(email)).id);
    return { id: user.id, email: user.email, disabledAt: user.disabledAt };
  }

  protected describe(user: Disabled): string {
    return `Disabled ${user.email} (id ${user.id}) at ${user.disabledAt}`;
  }

  @Option({ flags: '--email <email>', required: true })
  parseEmail(value: string): string {
    return value;
  }
}
