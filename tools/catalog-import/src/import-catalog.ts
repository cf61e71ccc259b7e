/*
 * Writes the gateway's model catalog seed from the models.dev snapshot:
 *   npm run catalog:import -- [--source tools/catalog-import/data/model-catalog.source.json]
 *                             [--out apps/api/src/modules/models/seed/model-catalog.seed.json]
 *                             [--effective-from 2026-11-25T00:00:00.000Z]
 * Relative paths are resolved from the repository root. New price versions start at
 * --effective-from (default: today, UTC midnight); unchanged prices keep their old version.
 * Known errors in the source are fixed by the list in catalog-corrections.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ModelCatalogSeed } from '@apilink/contracts';
import { format, resolveConfig } from 'prettier';
import { buildSeed } from './build-seed';
import { CATALOG_CORRECTIONS } from './catalog-corrections';
import { parseCatalogSource } from './catalog-source';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const DEFAULTS = {
  source: 'tools/catalog-import/data/model-catalog.source.json',
  out: 'apps/api/src/modules/models/seed/model-catalog.seed.json',
};
const SOURCE = {
  name: 'models.dev',
  url: 'https://github.com/anomalyco/models.dev',
  license: 'MIT, Copyright (c) 2025 models.dev (see docs/CREDITS.md)',
  snapshot: '2026-07-02',
};

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    const value = argv[i + 1];
    if (!name?.startsWith('--') || value === undefined)
      throw new Error(`usage: import-catalog [--source FILE] [--out FILE] [--effective-from ISO]`);
    args[name.slice(2)] = value;
  }
  return args;
}

function todayUtc(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const sourcePath = path.resolve(REPO_ROOT, args.source ?? DEFAULTS.source);
  const outPath = path.resolve(REPO_ROOT, args.out ?? DEFAULTS.out);
  const effectiveFrom = new Date(args['effective-from'] ?? todayUtc()).toISOString();
  const rows = parseCatalogSource(JSON.parse(readFileSync(sourcePath, 'utf8')));
  const previous = existsSync(outPath) ? (JSON.parse(readFileSync(outPath, 'utf8')) as ModelCatalogSeed) : null;
  const { seed, added, repriced, removed, corrected } = buildSeed(rows, previous, {
    effectiveFrom,
    source: SOURCE,
    corrections: CATALOG_CORRECTIONS,
  });
  // Formatted like every other file, so `npm run format` and a re-import never disagree.
  const prettierOptions = (await resolveConfig(outPath)) ?? {};
  writeFileSync(outPath, await format(JSON.stringify(seed), { ...prettierOptions, filepath: outPath }));
  const disabled = seed.models.filter((model) => !model.enabled);
  console.log(`Wrote ${seed.models.length} models to ${path.relative(REPO_ROOT, outPath)}`);
  console.log(
    `  added ${added.length}, repriced ${repriced.length}, dropped ${removed.length}${removed.length ? `: ${removed.join(', ')}` : ''}`,
  );
  console.log(`  corrected (${corrected.length}): ${corrected.join(', ') || 'none'} (see catalog-corrections.ts)`);
  console.log(`  disabled by default (${disabled.length}): ${disabled.map((model) => `${model.id} (${model.disabledReason})`).join('; ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
