import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

const SQL_DIR = path.join(__dirname, '../../../src/modules/billing/holds/sql');

/** The function's name and the body between its dollar quotes, as written or as PostgreSQL prints it. */
function nameAndBody(definition: string): { name: string; body: string } {
  const name = /CREATE (?:OR REPLACE )?FUNCTION (?:public\.)?([a-z_]+)\(/.exec(definition)?.[1];
  const body = /AS (\$[a-z_]*\$)([\s\S]*)\1/.exec(definition)?.[2];
  if (!name || body === undefined) throw new Error(`Cannot read a function definition from: ${definition.slice(0, 120)}`);
  return { name, body: body.trim() };
}

/** Like the schema-drift test, for what it cannot see: the migrated database runs the .sql files' bodies. */
describe('billing SQL functions in the migrated database', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client({ connectionString: process.env.E2E_DATABASE_URL });
    await client.connect();
  });
  afterAll(() => client.end());

  it.each(readdirSync(SQL_DIR).filter((file) => file.endsWith('.sql')))('%s matches pg_get_functiondef', async (file) => {
    const expected = nameAndBody(readFileSync(path.join(SQL_DIR, file), 'utf8'));
    const { rows } = await client.query<{ definition: string }>(
      `SELECT pg_get_functiondef(p.oid) AS definition FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proname = $1`,
      [expected.name],
    );
    expect(rows).toHaveLength(1);
    expect(nameAndBody(rows[0].definition)).toEqual(expected);
  });
});
