import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { defineConfig } from './define-config';
import { EnvBoolean } from './env-boolean.decorator';

class DatabaseEnv {
  @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DIR: string = '.data/postgres';

  @IsInt() @Min(1) @Max(65535)
  EMBEDDED_PG_PORT: number = 54329;

  @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE: number = 20;

  @IsOptional() @EnvBoolean()
  DATABASE_MIGRATE_ON_START?: boolean;
}

export const databaseConfig = defineConfig('database', DatabaseEnv, (env) => ({
  url: env.DATABASE_URL,
  embedded: { dataDir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT },
  poolSize: env.DATABASE_POOL_SIZE,
  /** Embedded databases migrate themselves; external ones use `npm run db:migrate` unless told otherwise. */
  migrateOnStart: env.DATABASE_MIGRATE_ON_START ?? env.DATABASE_URL === undefined,
}));
