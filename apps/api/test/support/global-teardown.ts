import { dropDatabase } from './test-database';

export default async function globalTeardown(): Promise<void> {
  if (process.env.E2E_DATABASE_NAME) await dropDatabase(process.env.E2E_DATABASE_NAME);
}
