import { ECHO_MODEL_ID } from '@apilink/contracts';
import { DataSource } from 'typeorm';
import { ModelCatalogSeeder } from '../../../src/modules/models/model-catalog.seeder';
import { ModelCatalogService } from '../../../src/modules/models/model-catalog.service';
import { ModelCatalogWriter } from '../../../src/modules/models/model-catalog.writer';
import { ModelsService } from '../../../src/modules/models/models.service';
import { startTestApp, type TestApp } from '../../support/test-app';

describe('model catalog', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ env: { OPENAI_API_KEY: 'sk-test-openai', ANTHROPIC_API_KEY: 'sk-ant-test' } });
  });
  afterAll(() => testApp?.close());

  it('seeds more than 200 models with versioned prices in micro-USD', async () => {
    const dataSource = testApp.app.get(DataSource);
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM "models"`);
    expect(count).toBeGreaterThanOrEqual(200);
    const [price] = await dataSource.query(
      `SELECT "input_micros_per_mtok", "output_micros_per_mtok", "source" FROM "model_prices" WHERE "model_id" = 'openai/gpt-4o-mini'`,
    );
    expect(price).toEqual({ input_micros_per_mtok: '150000', output_micros_per_mtok: '600000', source: 'catalog' });
  });

  it('seeds idempotently: a second run adds nothing', async () => {
    const dataSource = testApp.app.get(DataSource);
    const before = await dataSource.query(`SELECT count(*)::int AS count FROM "model_prices"`);
    await testApp.app.get(ModelCatalogSeeder).seed();
    expect(await dataSource.query(`SELECT count(*)::int AS count FROM "model_prices"`)).toEqual(before);
  });

  it('refuses to update or delete a price version (append-only)', async () => {
    const dataSource = testApp.app.get(DataSource);
    await expect(
      dataSource.query(`UPDATE "model_prices" SET "input_micros_per_mtok" = 1 WHERE "model_id" = 'openai/gpt-4o'`),
    ).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM "model_prices" WHERE "model_id" = 'openai/gpt-4o'`)).rejects.toThrow(/append-only/);
  });

  it('activates the models of providers whose key is set, and only those', () => {
    const ids = testApp.app
      .get(ModelsService)
      .listActive()
      .map((active) => active.model.id);
    expect(ids).toContain('openai/gpt-4o-mini');
    expect(ids).toContain('anthropic/claude-sonnet-4-5');
    expect(ids.some((id) => id.startsWith('google/') || id.startsWith('mistral/'))).toBe(false);
    // A real provider is configured, so the demo model is off.
    expect(ids).not.toContain(ECHO_MODEL_ID);
  });

  it('never activates a model priced $0 upstream', async () => {
    const dataSource = testApp.app.get(DataSource);
    const [row] = await dataSource.query(`SELECT "enabled", "disabled_reason" FROM "models" WHERE "id" = 'zai/glm-4.5-flash'`);
    expect(row).toEqual({ enabled: false, disabled_reason: expect.stringContaining('$0') });
  });

  it('applies a new admin price version from its effective date and keeps the old one', async () => {
    const writer = testApp.app.get(ModelCatalogWriter);
    const models = testApp.app.get(ModelsService);
    const before = models.findActive('openai/gpt-4.1-nano')!.price;
    const from = new Date(Date.now() + 60_000);
    await writer.addPriceVersion('openai/gpt-4.1-nano', { ...before, inputMicrosPerMTok: 123n, effectiveFrom: from });
    expect(models.findActive('openai/gpt-4.1-nano')!.price.inputMicrosPerMTok).toBe(before.inputMicrosPerMTok);
    expect(models.findActive('openai/gpt-4.1-nano', new Date(from.getTime() + 1))!.price.inputMicrosPerMTok).toBe(123n);
    expect(testApp.app.get(ModelCatalogService).get('openai/gpt-4.1-nano')!.prices).toHaveLength(2);
  });

  it('disabling a model deactivates it at once', async () => {
    const writer = testApp.app.get(ModelCatalogWriter);
    await writer.setEnabled('openai/gpt-4-turbo', false, 'retired');
    expect(testApp.app.get(ModelsService).findActive('openai/gpt-4-turbo')).toBeNull();
    await writer.setEnabled('openai/gpt-4-turbo', true);
    expect(testApp.app.get(ModelsService).findActive('openai/gpt-4-turbo')).not.toBeNull();
  });
});

describe('the demo model', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ env: {} });
  });
  afterAll(() => testApp?.close());

  it('is the only active model when no upstream is configured', () => {
    const ids = testApp.app
      .get(ModelsService)
      .listActive()
      .map((active) => active.model.id);
    expect(ids).toEqual([ECHO_MODEL_ID]);
  });
});
