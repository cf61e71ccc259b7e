import path from 'node:path';
import type { DataSourceOptions } from 'typeorm';

/**
 * Entities and migrations are found by file name, so a feature module adds an `*.entity.ts`
 * and a migration without touching this file. The globs match both ts (tests) and js (dist).
 */
export function typeormOptions(url: string, poolSize: number): DataSourceOptions {
  const sourceRoot = path.resolve(__dirname, '..');
  return {
    type: 'postgres',
    url,
    entities: [path.join(sourceRoot, '**/*.entity.{ts,js}')],
    migrations: [path.join(sourceRoot, 'database/migrations/*.{ts,js}')],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize },
    // bigint columns stay strings from pg; entities map them to bigint with a transformer.
    parseInt8: false,
  } as DataSourceOptions;
}
