import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ADD_ACCOUNT_TOTALS_FUNCTION,
  ADD_KEY_TOTALS_FUNCTION,
  LOCK_ACCOUNT_FUNCTION,
  LOCK_KEY_FUNCTION,
} from '../../../../database/migrations/1764600000000-AddBillingBatchFunctions';
import { LEASE_ACQUIRE_FUNCTION, LEASE_RETURN_FUNCTION } from '../../../../database/migrations/1764800000000-AddCreditLeases';
import {
  RESERVE_BATCH_FUNCTION,
  SETTLE_BATCH_FUNCTION,
  SETTLE_LEASE_BATCH_FUNCTION,
  WALK_TO_FUNCTION,
} from '../../../../database/migrations/1764900000000-ShareBillingLockWalk';

/** Each file and the frozen copy in the latest migration that installs it. */
const LATEST_INSTALLED: Record<string, string> = {
  'billing_lock_account.sql': LOCK_ACCOUNT_FUNCTION,
  'billing_lock_key.sql': LOCK_KEY_FUNCTION,
  'billing_add_account_totals.sql': ADD_ACCOUNT_TOTALS_FUNCTION,
  'billing_add_key_totals.sql': ADD_KEY_TOTALS_FUNCTION,
  'billing_walk_to.sql': WALK_TO_FUNCTION,
  'billing_reserve_batch.sql': RESERVE_BATCH_FUNCTION,
  'billing_settle_batch.sql': SETTLE_BATCH_FUNCTION,
  'billing_lease_acquire.sql': LEASE_ACQUIRE_FUNCTION,
  'billing_lease_return.sql': LEASE_RETURN_FUNCTION,
  'billing_settle_lease_batch.sql': SETTLE_LEASE_BATCH_FUNCTION,
};

/**
 * The .sql files are where billing's functions are read and changed; a migration installs a
 * frozen copy. A change to a file without a migration installing it would never reach a database.
 * (The e2e test billing/sql-functions checks the migrated database runs exactly these bodies.)
 */
describe('billing SQL functions', () => {
  it.each(Object.entries(LATEST_INSTALLED))('%s is what the latest migration installs', (file, installed) => {
    expect(readFileSync(path.join(__dirname, file), 'utf8').trim()).toBe(installed.trim());
  });

  it('lists every .sql file here', () => {
    const files = readdirSync(__dirname).filter((name) => name.endsWith('.sql'));
    expect(files.sort()).toEqual(Object.keys(LATEST_INSTALLED).sort());
  });
});
