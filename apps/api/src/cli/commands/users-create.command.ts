import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USER_ROLES, type CurrentUser, type UserRole } from '@apilink/contracts';
import { Command, Option } from 'nest-commander';
import { systemActor } from '../../modules/audit/audit-actor';
import { UsersService } from '../../modules/auth/users.service';
import { CliCommand, type JsonOption } from '../cli-command';
import { CliUsageError } from '../cli-usage.error';

interface Options extends JsonOption {
  email: string;
  password: string;
  role: UserRole;
}

/**
 * The operator chooses the password here (and has shell access to the database anyway), so the
 * account is not limited to a password change at first sign-in as a staff-created one is; an
 * operator making an account for someone else should hand over a password the person then changes.
 */
@Command({ name: 'users:create', description: 'create a user (customer, support or admin)' })
export class UsersCreateCommand extends CliCommand<Options, CurrentUser> {
  constructor(private readonly users: UsersService) {
    super();
  }

  protected async execute({ email, password, role = 'customer' }: Options): Promise<CurrentUser> {
    if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
      throw new CliUsageError(`--password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`);
    }
    return this.users.create({ email, password, role }, { actor: systemActor('cli'), requestId: null });
  }

  protected describe(user: CurrentUser): string {
    return `Created ${user.role} ${user.email} (id ${user.id})`;
  }

  @Option({ flags: '--email <email>', required: true })
  parseEmail(value: string): string {
    if (!/^[^\s@]+@[^\s@]+$/.test(value.trim())) throw new CliUsageError('--email must be an email address');
    return value;
  }

  @Option({ flags: '--password <password>', required: true })
  parsePassword(value: string): string {
    return value;
  }

  @Option({ flags: '--role <role>', description: `one of ${USER_ROLES.join(', ')} (default customer)` })
  parseRole(value: string): UserRole {
    if (!USER_ROLES.includes(value as UserRole)) throw new CliUsageError(`--role must be one of ${USER_ROLES.join(', ')}`);
    return value as UserRole;
  }
}
