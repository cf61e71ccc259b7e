/** One row of tools/catalog-import/data/model-catalog.source.json (models.dev facts; see that folder's README). */

export interface SourceLongContextTier {
  above_input_tokens: number;
  input_price_per_mtok_usd: number;
  output_price_per_mtok_usd: number;
  cache_read_price_per_mtok_usd?: number | null;
}

export interface CatalogSourceRow {
  id: string;
  provider: string;
  name: string;
  context_window: number;
  max_output_tokens: number;
  max_input_tokens: number | null;
  input_price_per_mtok_usd: number;
  output_price_per_mtok_usd: number;
  cache_read_price_per_mtok_usd: number | null;
  cache_write_price_per_mtok_usd: number | null;
  reasoning_price_per_mtok_usd: number | null;
  extra_costs?: Record<string, number>;
  long_context_pricing?: SourceLongContextTier[];
  modalities: string[];
  supports_tools: boolean;
  reasoning: boolean;
  status: 'ga' | 'beta';
  release_date: string | null;
}

function fail(index: number, message: string): never {
  throw new Error(`source row ${index}: ${message}`);
}

/** Checks the fields the import relies on, so a changed source format fails loudly instead of seeding garbage. */
export function parseCatalogSource(json: unknown): CatalogSourceRow[] {
  if (!Array.isArray(json)) throw new Error('catalog source must be a JSON array of models');
  const seen = new Set<string>();
  json.forEach((row: Record<string, unknown>, index) => {
    if (typeof row !== 'object' || row === null) fail(index, 'not an object');
    if (typeof row.id !== 'string' || !/^[a-z0-9-]+\/\S+$/.test(row.id)) fail(index, `bad id ${String(row.id)}`);
    if (seen.has(row.id)) fail(index, `duplicate id ${row.id}`);
    seen.add(row.id);
    if (row.provider !== row.id.slice(0, row.id.indexOf('/'))) fail(index, `${row.id}: provider does not match the id prefix`);
    for (const key of ['context_window', 'max_output_tokens'] as const) {
      if (!Number.isInteger(row[key]) || (row[key] as number) <= 0) fail(index, `${row.id}: ${key} must be a positive integer`);
    }
    for (const key of ['input_price_per_mtok_usd', 'output_price_per_mtok_usd'] as const) {
      if (typeof row[key] !== 'number' || (row[key] as number) < 0) fail(index, `${row.id}: ${key} must be a non-negative number`);
    }
    if (!Array.isArray(row.modalities)) fail(index, `${row.id}: modalities must be an array`);
  });
  return json as CatalogSourceRow[];
}
