import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { databaseConfig } from '../config/database.config';
import type { ConfigOf } from '../config/define-config';
import { EMBEDDED_PG } from './embedded-postgres.credentials';
import { EmbeddedPostgresLauncher } from './embedded-postgres.launcher';
import { findRunningEmbeddedPostgres } from './running-embedded-postgres';

/**
 * Resolves the database URL: DATABASE_URL, the embedded PostgreSQL another process already runs on
 * the same folder, or an embedded PostgreSQL it starts and later stops.
 */
@Injectable()
export class DatabaseServer implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseServer.name);
  private launcher: EmbeddedPostgresLauncher | null = null;

  constructor(@Inject(databaseConfig.KEY) private readonly config: ConfigOf<typeof databaseConfig>) {}

  async resolveUrl(): Promise<string> {
    if (this.config.url) return this.config.url;
    const { dataDir } = this.config.embedded;
    const runningPort = await findRunningEmbeddedPostgres(dataDir);
    if (runningPort !== null) {
      // Joined, not started: the process that started it (a running `npm start`) stops it.
      this.logger.log(`Using the embedded PostgreSQL already running on 127.0.0.1:${runningPort}`);
      return EMBEDDED_PG.url(runningPort);
    }
    this.launcher = new EmbeddedPostgresLauncher(dataDir, this.config.embedded.port);
    return this.launcher.start();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.launcher) return;
    await this.launcher.stop();
    this.launcher = null;
    this.logger.log('Embedded PostgreSQL stopped');
  }
}
