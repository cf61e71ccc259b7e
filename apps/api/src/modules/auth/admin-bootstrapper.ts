import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { systemActor } from '../audit/audit-actor';
import { AppError } from '../../common/errors/app-error';
import { authConfig } from '../../config/auth.config';
import type { ConfigOf } from '../../config/define-config';
import { UsersService } from './users.service';

/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD; an existing account is left as it is. */
@Injectable()
export class AdminBootstrapper implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrapper.name);

  constructor(
    private readonly users: UsersService,
    @Inject(authConfig.KEY) private readonly config: ConfigOf<typeof authConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin) return;
    const existing = await this.users.findByEmail(admin.email);
    if (existing) {
      if (existing.role !== 'admin')
        this.logger.warn(`ADMIN_EMAIL ${existing.email} belongs to a ${existing.role} account; its role is unchanged`);
      return;
    }
    try {
      await this.users.create(
        { email: admin.email, password: admin.password, role: 'admin' },
        { actor: systemActor('ADMIN_EMAIL'), requestId: null },
      );
      this.logger.log(`Created the admin account ${admin.email}`);
    } catch (error) {
      // Another instance starting at the same time created it first.
      if (error instanceof AppError && error.status === 409) return;
      if (error instanceof AppError && error.param === 'password') throw new Error(`ADMIN_PASSWORD is refused: ${error.message}`);
      throw error;
    }
  }
}
