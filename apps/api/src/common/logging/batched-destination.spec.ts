import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { batchedDestination, FLUSH_EVERY_MS, WRITE_BATCH_BYTES } from './batched-destination';

describe('batchedDestination', () => {
  let file: string;
  let fd: number;
  beforeEach(() => {
    file = path.join(mkdtempSync(path.join(tmpdir(), 'apilink-log-')), 'out.log');
    fd = openSync(file, 'a');
  });
  afterEach(() => closeSync(fd));

  const written = () => readFileSync(file, 'utf8');
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('holds a short line back, then writes it within the flush interval', async () => {
    const logger = pino({ base: null }, batchedDestination(fd));
    logger.info('first');
    await sleep(10);
    expect(written()).toBe('');
    await sleep(FLUSH_EVERY_MS * 3);
    expect(written()).toContain('"msg":"first"');
  });

  it('writes at once when a batch is full, every line whole and in order', async () => {
    const logger = pino({ base: null }, batchedDestination(fd));
    const count = Math.ceil((WRITE_BATCH_BYTES * 3) / 60);
    for (let i = 0; i < count; i++) logger.info({ i }, 'a line of about sixty bytes in all');
    await sleep(20);
    const early = written().split('\n').filter(Boolean);
    expect(early.length).toBeGreaterThan(0);
    await sleep(FLUSH_EVERY_MS * 3);
    const lines = written()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { i: number });
    expect(lines.map((line) => line.i)).toEqual(Array.from({ length: count }, (_, i) => i));
  });

  it('once unbatched (shutdown), writes what it held and each later line at once', async () => {
    const destination = batchedDestination(fd);
    const logger = pino({ base: null }, destination);
    logger.info('held');
    await sleep(10);
    expect(written()).toBe('');
    destination.unbatch();
    logger.info('after');
    await sleep(20);
    expect(
      written()
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { msg: string }).msg),
    ).toEqual(['held', 'after']);
  });
});
