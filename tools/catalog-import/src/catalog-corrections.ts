/**
 * Facts the source gets wrong, fixed whenever the seed is built. Add an entry only for what the
 * provider's own documentation settles, with that reason; the import fails on an entry whose
 * model has left the source, so none outlives its model. Databases already seeded keep their row:
 * there an admin corrects the model (PATCH /api/admin/models/:id, `capabilities`).
 */
import type { SeedModel } from '@apilink/contracts';
import type { SeedModelFacts } from './seed-model.mapper';

export type CorrectableFacts = Partial<Pick<SeedModel, 'supportsTools' | 'supportsVision' | 'supportsReasoning'>>;

export interface CatalogCorrection {
  modelId: string;
  set: CorrectableFacts;
  reason: string;
}

export const CATALOG_CORRECTIONS: readonly CatalogCorrection[] = [
  {
    modelId: 'openai/gpt-3.5-turbo',
    set: { supportsTools: true },
    reason: 'OpenAI documents function calling for gpt-3.5-turbo since its 0613 snapshot; models.dev says no tools.',
  },
];

export interface CorrectedFacts {
  models: SeedModelFacts[];
  /** Ids of models a correction changed (an entry the source already agrees with changes nothing). */
  corrected: string[];
}

/** @throws Error when a correction names a model that is not among `models`. */
export function applyCorrections(models: SeedModelFacts[], corrections: readonly CatalogCorrection[]): CorrectedFacts {
  const byId = new Map(corrections.map((correction) => [correction.modelId, correction]));
  const known = new Set(models.map((model) => model.id));
  const missing = [...byId.keys()].filter((id) => !known.has(id));
  if (missing.length > 0) throw new Error(`catalog corrections name models not in the source: ${missing.join(', ')}`);
  const corrected: string[] = [];
  const result = models.map((model) => {
    const correction = byId.get(model.id);
    if (!correction) return model;
    const next = { ...model, ...correction.set };
    if (Object.entries(correction.set).some(([key, value]) => model[key as keyof CorrectableFacts] !== value)) corrected.push(model.id);
    return next;
  });
  return { models: result, corrected };
}
