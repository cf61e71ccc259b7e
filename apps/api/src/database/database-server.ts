import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { databaseConfig } from '../config/database.config';
import type { ConfigOf } from '../config/define-config';
import { EmbeddedPostgresLauncher } from './embedded-postgres.launcher';

/** Resolves the database URL: DATABASE_URL, or an embedded PostgreSQL it starts and later stops. */
@Injectable()
export class DatabaseServer implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseServer.name);
  private launcher: EmbeddedPostgresLauncher | null = null;

  constructor(@Inject(databaseConfig.KEY) private readonly config: ConfigOf<typeof databaseConfig>) {}

  async resolveUrl(): Promise<string> {
    if (this.config.url) return this.config.url;
    this.launcher = new EmbeddedPostgresLauncher(this.config.embedded.dataDir, this.config.embedded.port);
    return this.launcher.start();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.launcher) return;
    await this.launcher.stop();
    this.launcher = null;
    this.logger.log('Embedded PostgreSQL stopped');
  }
}
