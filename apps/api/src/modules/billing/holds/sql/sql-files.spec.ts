import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  LEASE_ACQUIRE_FUNCTION,
  LEASE_RETURN_FUNCTION,
  SETTLE_LEASE_BATCH_FUNCTION,
} from '../../../../database/migrations/1764800000000-AddCreditLeases';

/**
 * The .sql files are where billing's functions are read and changed; a migration installs a
 * frozen copy. A change to a file without a migration installing it would never reach a database.
 */
describe('billing SQL functions', () => {
  it.each([
    ['billing_lease_acquire.sql', LEASE_ACQUIRE_FUNCTION],
    ['billing_lease_return.sql', LEASE_RETURN_FUNCTION],
    ['billing_settle_lease_batch.sql', SETTLE_LEASE_BATCH_FUNCTION],
  ])('%s is what the latest migration installs', (file, installed) => {
    expect(readFileSync(path.join(__dirname, file), 'utf8').trim()).toBe(installed.trim());
  });
});
