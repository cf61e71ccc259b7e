/** Test support: reads the recorded wire fixtures kept in each adapter's __fixtures__ folder. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readFixture(adapterDir: string, name: string): string {
  return readFileSync(join(adapterDir, '__fixtures__', name), 'utf8');
}

export function readJsonFixture(adapterDir: string, name: string): unknown {
  return JSON.parse(readFixture(adapterDir, name));
}
