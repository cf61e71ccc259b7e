import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeormOptions } from '../../src/database/typeorm-options';
import { createDatabase, dropDatabase, withAdminClient } from './test-database';

/** One migrated throwaway database per e2e run; its URL reaches every worker through the env. */
export default async function globalSetup(): Promise<void> {
  await dropStaleDatabases();
  const name = `apilink_e2e_${Date.now()}_${process.pid}`;
  const url = await createDatabase(name);
  const dataSource = await new DataSource(typeormOptions(url, 2)).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  process.env.E2E_DATABASE_NAME = name;
  process.env.E2E_DATABASE_URL = url;
}

/** Databases left by runs that were killed before their teardown (older than an hour). */
async function dropStaleDatabases(): Promise<void> {
  const { rows } = await withAdminClient((client) =>
    client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'apilink_e2e_%'"),
  );
  const hourAgo = Date.now() - 3_600_000;
  for (const { datname } of rows) {
    const createdAt = Number(datname.split('_')[2]);
    if (Number.isFinite(createdAt) && createdAt < hourAgo) await dropDatabase(datname);
  }
}
