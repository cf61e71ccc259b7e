import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { databaseConfig } from '../config/database.config';
import type { ConfigOf } from '../config/define-config';
import { assertSchemaCurrent } from './assert-schema-current';
import { DatabaseSchemaError } from './database-schema.error';
import { DatabaseServer } from './database-server';
import { typeormOptions } from './typeorm-options';

@Module({ providers: [DatabaseServer], exports: [DatabaseServer] })
class DatabaseServerModule {}

// Never dialled: repositories can be built on it, a query would fail (`--help` runs no query).
const UNCONNECTED_URL = 'postgres://unconnected.invalid/apilink';

/** Connects TypeORM to DATABASE_URL, or to an embedded PostgreSQL joined or started on demand. */
@Module({})
export class DatabaseModule {
  /** `connect: false` wires repositories without touching any database (the CLI's `--help`). */
  static forRoot({ connect = true }: { connect?: boolean } = {}): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          imports: [DatabaseServerModule],
          inject: [databaseConfig.KEY, DatabaseServer],
          useFactory: async (config: ConfigOf<typeof databaseConfig>, server: DatabaseServer) =>
            connect
              ? {
                  ...typeormOptions(await server.resolveUrl(), config.poolSize),
                  migrationsRun: config.migrateOnStart,
                  // A missing schema does not fix itself: say so at once instead of retrying for half a minute.
                  toRetry: (error: unknown) => !(error instanceof DatabaseSchemaError),
                }
              : { ...typeormOptions(UNCONNECTED_URL, 1), manualInitialization: true },
          dataSourceFactory: async (options) => {
            const dataSource = new DataSource(options as DataSourceOptions);
            if (!connect) return dataSource;
            await dataSource.initialize();
            if (!options?.migrationsRun)
              await assertSchemaCurrent(dataSource).catch(async (error: unknown) => {
                await dataSource.destroy();
                throw error;
              });
            return dataSource;
          },
        }),
      ],
    };
  }
}
