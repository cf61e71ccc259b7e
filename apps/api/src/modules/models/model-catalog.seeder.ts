/**
 * Loads the committed catalog seed into the database at boot, idempotently: new models and new
 * price versions are inserted, existing rows are never touched, so operators' later changes (a
 * disabled model, an admin price) survive every restart and every re-import.
 */
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ModelCatalogSeed } from '@apilink/contracts';
import type { DataSource } from 'typeorm';
import catalogSeed from './seed/model-catalog.seed.json';

const INSERT_MODELS = `
  INSERT INTO "models" ("id", "provider", "upstream_model", "name", "owned_by", "released_at", "context_window",
    "max_output_tokens", "max_input_tokens", "supports_tools", "supports_vision", "supports_reasoning", "modalities",
    "status", "enabled", "disabled_reason", "aliases", "kind")
  SELECT m."id", m."provider", m."upstreamModel", m."name", m."ownedBy", to_timestamp(m."created"), m."contextWindow",
    m."maxOutputTokens", m."maxInputTokens", m."supportsTools", m."supportsVision", m."supportsReasoning",
    ARRAY(SELECT jsonb_array_elements_text(m."modalities")), m."status", m."enabled", m."disabledReason",
    -- Claude models answer to their bare Anthropic id too (what Claude Code sends), unless it is taken.
    CASE WHEN m."provider" = 'anthropic' AND NOT EXISTS (SELECT 1 FROM "models" o WHERE m."upstreamModel" = ANY(o."aliases"))
      THEN ARRAY[m."upstreamModel"] ELSE '{}'::text[] END,
    COALESCE(m."kind", 'chat')
  FROM jsonb_to_recordset($1::jsonb) AS m("id" text, "provider" text, "upstreamModel" text, "name" text, "ownedBy" text,
    "created" bigint, "contextWindow" integer, "maxOutputTokens" integer, "maxInputTokens" integer, "supportsTools" boolean,
    "supportsVision" boolean, "supportsReasoning" boolean, "modalities" jsonb, "status" text, "enabled" boolean,
    "disabledReason" text, "kind" text)
  ON CONFLICT ("id") DO NOTHING`;

const INSERT_PRICES = `
  INSERT INTO "model_prices" ("model_id", "effective_from", "input_micros_per_mtok", "output_micros_per_mtok",
    "cached_input_micros_per_mtok", "cache_write_micros_per_mtok", "reasoning_micros_per_mtok", "long_context_tiers", "source")
  SELECT p."modelId", p."effectiveFrom", p."inputMicrosPerMTok", p."outputMicrosPerMTok", p."cachedInputMicrosPerMTok",
    p."cacheWriteMicrosPerMTok", p."reasoningMicrosPerMTok", p."longContextTiers", 'catalog'
  FROM jsonb_to_recordset($1::jsonb) AS p("modelId" text, "effectiveFrom" timestamptz, "inputMicrosPerMTok" bigint,
    "outputMicrosPerMTok" bigint, "cachedInputMicrosPerMTok" bigint, "cacheWriteMicrosPerMTok" bigint,
    "reasoningMicrosPerMTok" bigint, "longContextTiers" jsonb)
  ON CONFLICT ("model_id", "effective_from") DO NOTHING`;

@Injectable()
export class ModelCatalogSeeder {
  private readonly logger = new Logger(ModelCatalogSeeder.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async seed(seed: ModelCatalogSeed = catalogSeed as ModelCatalogSeed): Promise<void> {
    const models = seed.models.map(({ prices: _prices, ...model }) => model);
    const prices = seed.models.flatMap((model) => model.prices.map((price) => ({ modelId: model.id, ...price })));
    const [addedModels, addedPrices] = await this.dataSource.transaction(async (manager) => {
      const runner = manager.queryRunner!;
      const modelResult = await runner.query(INSERT_MODELS, [JSON.stringify(models)], true);
      const priceResult = await runner.query(INSERT_PRICES, [JSON.stringify(prices)], true);
      return [modelResult.affected ?? 0, priceResult.affected ?? 0];
    });
    if (addedModels > 0 || addedPrices > 0) {
      this.logger.log(`Model catalog seeded: ${addedModels} new models, ${addedPrices} new price versions`);
    }
  }
}
