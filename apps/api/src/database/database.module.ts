import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig } from '../config/database.config';
import type { ConfigOf } from '../config/define-config';
import { DatabaseServer } from './database-server';
import { typeormOptions } from './typeorm-options';

@Module({ providers: [DatabaseServer], exports: [DatabaseServer] })
class DatabaseServerModule {}

/** Connects TypeORM to DATABASE_URL, or to an embedded PostgreSQL started on demand. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [DatabaseServerModule],
      inject: [databaseConfig.KEY, DatabaseServer],
      useFactory: async (config: ConfigOf<typeof databaseConfig>, server: DatabaseServer) => ({
        ...typeormOptions(await server.resolveUrl(), config.poolSize),
        migrationsRun: config.migrateOnStart,
      }),
    }),
  ],
})
export class DatabaseModule {}
