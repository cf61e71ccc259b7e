import type { DataSource } from 'typeorm';
import { DatabaseSchemaError } from './database-schema.error';

const HOW_TO_MIGRATE = 'run `npm run db:migrate` or set DATABASE_MIGRATE_ON_START=true';

/**
 * For a database that does not migrate itself at start-up: refuses to boot on an empty or
 * outdated schema, naming the fix, rather than failing later on `relation "models" does not exist`.
 */
export async function assertSchemaCurrent(dataSource: DataSource): Promise<void> {
  const [{ table }] = await dataSource.query(`SELECT to_regclass('migrations') AS "table"`);
  if (table === null) throw new DatabaseSchemaError(`The database has no schema: ${HOW_TO_MIGRATE}`);
  if (await dataSource.showMigrations()) {
    throw new DatabaseSchemaError(`The database schema is older than this version of ApiLink: ${HOW_TO_MIGRATE}`);
  }
}
