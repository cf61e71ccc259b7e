import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeormOptions } from '../../src/database/typeorm-options';

describe('migrations', () => {
  it('leave no difference between the entities and the migrated schema', async () => {
    const dataSource = await new DataSource(typeormOptions(process.env.E2E_DATABASE_URL!, 2)).initialize();
    try {
      const pending = await dataSource.showMigrations();
      expect(pending).toBe(false);
      const sql = await dataSource.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
