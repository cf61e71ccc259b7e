import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateModelCatalog1764300000000 implements MigrationInterface {
  name = 'CreateModelCatalog1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "models" (
        "id" character varying(200) NOT NULL,
        "provider" character varying(64) NOT NULL,
        "upstream_model" character varying(200) NOT NULL,
        "name" character varying(200) NOT NULL,
        "owned_by" character varying(64) NOT NULL,
        "released_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "context_window" integer NOT NULL,
        "max_output_tokens" integer NOT NULL,
        "max_input_tokens" integer,
        "supports_tools" boolean NOT NULL DEFAULT false,
        "supports_vision" boolean NOT NULL DEFAULT false,
        "supports_reasoning" boolean NOT NULL DEFAULT false,
        "modalities" text array NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'ga',
        "enabled" boolean NOT NULL DEFAULT true,
        "disabled_reason" character varying(300),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_models" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_models_provider" ON "models" ("provider")`);
    await queryRunner.query(`
      CREATE TABLE "model_prices" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "model_id" character varying(200) NOT NULL,
        "effective_from" TIMESTAMP WITH TIME ZONE NOT NULL,
        "input_micros_per_mtok" bigint NOT NULL,
        "output_micros_per_mtok" bigint NOT NULL,
        "cached_input_micros_per_mtok" bigint,
        "cache_write_micros_per_mtok" bigint,
        "reasoning_micros_per_mtok" bigint,
        "long_context_tiers" jsonb NOT NULL DEFAULT '[]',
        "source" character varying(16) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_model_prices" PRIMARY KEY ("id"),
        CONSTRAINT "FK_model_prices_model" FOREIGN KEY ("model_id") REFERENCES "models" ("id"),
        CONSTRAINT "CHK_model_prices_non_negative" CHECK ("input_micros_per_mtok" >= 0 AND "output_micros_per_mtok" >= 0 AND COALESCE("cached_input_micros_per_mtok", 0) >= 0 AND COALESCE("cache_write_micros_per_mtok", 0) >= 0 AND COALESCE("reasoning_micros_per_mtok", 0) >= 0)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_model_prices_model_effective" ON "model_prices" ("model_id", "effective_from")`);
    // Price history is evidence for past charges: corrections are new versions, never edits.
    await queryRunner.query(`
      CREATE FUNCTION "model_prices_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'model_prices is append-only: add a new price version instead';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "model_prices_no_update_or_delete" BEFORE UPDATE OR DELETE ON "model_prices"
      FOR EACH ROW EXECUTE FUNCTION "model_prices_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "model_prices"`);
    await queryRunner.query(`DROP FUNCTION "model_prices_append_only"()`);
    await queryRunner.query(`DROP TABLE "models"`);
  }
}
