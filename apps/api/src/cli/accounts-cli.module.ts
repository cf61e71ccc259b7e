import { Module } from '@nestjs/common';
import { AuthModule } from '../modules/auth/auth.module';
import { KeysCreateCommand } from './commands/keys-create.command';
import { KeysListCommand } from './commands/keys-list.command';
import { KeysRevokeCommand } from './commands/keys-revoke.command';
import { UsersCreateCommand } from './commands/users-create.command';
import { UsersDisableCommand } from './commands/users-disable.command';

/** users:* and keys:* commands. */
@Module({
  imports: [AuthModule],
  providers: [UsersCreateCommand, UsersDisableCommand, KeysCreateCommand, KeysListCommand, KeysRevokeCommand],
})
export class AccountsCliModule {}
