/* Runs pending migrations against DATABASE_URL: `npm run db:migrate` (external databases). */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseConfig } from '../config/database.config';
import { typeormOptions } from './typeorm-options';

async function main(): Promise<void> {
  const config = databaseConfig();
  if (!config.url) throw new Error('DATABASE_URL is required: the embedded database migrates itself at start-up');
  const dataSource = await new DataSource(typeormOptions(config.url, 2)).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'Database is up to date');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
