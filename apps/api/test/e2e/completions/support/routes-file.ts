import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes a routes file (JSON, or YAML text as given) to a fresh temp folder and returns its path. */
export function writeRoutesFile(content: object | string, name = typeof content === 'string' ? 'routes.yaml' : 'routes.json'): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'apilink-routes-')), name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}
