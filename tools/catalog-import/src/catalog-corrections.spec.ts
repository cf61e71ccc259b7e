import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModelCatalogSeed } from '@apilink/contracts';
import { applyCorrections, CATALOG_CORRECTIONS } from './catalog-corrections';
import type { SeedModelFacts } from './seed-model.mapper';

const SEED_PATH = path.resolve(__dirname, '../../../apps/api/src/modules/models/seed/model-catalog.seed.json');

const facts = (id: string, supportsTools: boolean): SeedModelFacts => ({ id, supportsTools, supportsVision: false }) as SeedModelFacts;

describe('applyCorrections', () => {
  it('overrides only the named facts of the named model and lists what changed', () => {
    const { models, corrected } = applyCorrections(
      [facts('openai/a', false), facts('openai/b', false), facts('openai/c', true)],
      [
        { modelId: 'openai/a', set: { supportsTools: true }, reason: 'documented' },
        { modelId: 'openai/c', set: { supportsTools: true }, reason: 'already right' },
      ],
    );
    expect(models.map((model) => [model.id, model.supportsTools, model.supportsVision])).toEqual([
      ['openai/a', true, false],
      ['openai/b', false, false],
      ['openai/c', true, false],
    ]);
    expect(corrected).toEqual(['openai/a']);
  });

  it('fails on a correction whose model is not in the source, so none outlives its model', () => {
    expect(() =>
      applyCorrections([facts('openai/a', false)], [{ modelId: 'openai/gone', set: { supportsTools: true }, reason: 'x' }]),
    ).toThrow(/openai\/gone/);
  });

  it('gives every correction a reason', () => {
    for (const correction of CATALOG_CORRECTIONS) expect(correction.reason.trim().length).toBeGreaterThan(20);
  });

  it('is applied in the committed seed (regenerate with `npm run catalog:import` after a change)', () => {
    const seed = JSON.parse(readFileSync(SEED_PATH, 'utf8')) as ModelCatalogSeed;
    for (const correction of CATALOG_CORRECTIONS) {
      const model = seed.models.find((candidate) => candidate.id === correction.modelId);
      expect(model).toMatchObject(correction.set);
    }
    expect(seed.models.find((model) => model.id === 'openai/gpt-3.5-turbo')?.supportsTools).toBe(true);
  });
});
