import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { EMBEDDED_PG } from './embedded-postgres.credentials';

/** postmaster.pid: line 1 is the server's pid, line 4 its port (PostgreSQL's documented layout). */
const PID_LINE = 0;
const PORT_LINE = 3;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but owned by another user (the `postgres` system user when we run as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function answers(port: number): Promise<boolean> {
  const client = new Client({ host: '127.0.0.1', port, user: EMBEDDED_PG.user, password: EMBEDDED_PG.password, database: 'postgres' });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The port of an embedded PostgreSQL already serving `dataDir` (a running `npm start`), or null.
 * Starting a second server on the same folder fails on PostgreSQL's lock file, so the CLI and a
 * second instance join the running one instead; a stale lock file (a crash) reads as none.
 */
export async function findRunningEmbeddedPostgres(dataDir: string): Promise<number | null> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(path.resolve(dataDir), 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[PID_LINE]);
  const port = Number(lines[PORT_LINE]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  if (!isAlive(pid)) return null;
  return (await answers(port)) ? port : null;
}
