/** Builds the whole seed from the source rows and the previous seed (whose price history it extends). */
import type { ModelCatalogSeed, SeedModel } from '@apilink/contracts';
import { applyCorrections, type CatalogCorrection } from './catalog-corrections';
import type { CatalogSourceRow } from './catalog-source';
import { ECHO_MODEL } from './echo-model';
import { EMBEDDING_MODELS } from './embedding-models';
import { mergePriceHistory } from './price-history';
import { mapSourceRow, type SeedModelFacts } from './seed-model.mapper';

export interface BuildSeedOptions {
  /** ISO instant stamped on new price versions. */
  effectiveFrom: string;
  source: ModelCatalogSeed['source'];
  /** Fixes to the source's facts (CATALOG_CORRECTIONS for the real import). */
  corrections: readonly CatalogCorrection[];
}

export interface BuiltSeed {
  seed: ModelCatalogSeed;
  added: string[];
  repriced: string[];
  /** In the previous seed but not in the source any more; dropped from the seed, kept in databases. */
  removed: string[];
  /** Models whose source facts a correction changed. */
  corrected: string[];
}

export function buildSeed(rows: CatalogSourceRow[], previous: ModelCatalogSeed | null, options: BuildSeedOptions): BuiltSeed {
  const before = new Map((previous?.models ?? []).map((model) => [model.id, model]));
  const fallbackCreated = Math.floor(Date.parse(options.source.snapshot) / 1000);
  const imported = applyCorrections(
    rows.map((row) => mapSourceRow(row, fallbackCreated)),
    options.corrections,
  );
  const facts: SeedModelFacts[] = [ECHO_MODEL, ...EMBEDDING_MODELS, ...imported.models];
  const added: string[] = [];
  const repriced: string[] = [];
  const models: SeedModel[] = facts.map(({ price, ...model }) => {
    const old = before.get(model.id);
    const prices = mergePriceHistory(old?.prices, price, options.effectiveFrom);
    if (!old) added.push(model.id);
    else if (prices.length !== old.prices.length) repriced.push(model.id);
    return { ...model, prices };
  });
  const kept = new Set(models.map((model) => model.id));
  const removed = [...before.keys()].filter((id) => !kept.has(id));
  return { seed: { source: options.source, models }, added, repriced, removed, corrected: imported.corrected };
}
