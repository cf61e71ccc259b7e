import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUpstreamAccounts1764400100000 implements MigrationInterface {
  name = 'CreateUpstreamAccounts1764400100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "upstream_accounts" (
        "id" uuid NOT NULL,
        "name" character varying(64) NOT NULL,
        "protocol" character varying(16) NOT NULL,
        "base_url" character varying(2048) NOT NULL,
        "api_key_ciphertext" text NOT NULL,
        "api_key_last4" character varying(4) NOT NULL,
        "quirks_preset" character varying(64),
        "quirks" jsonb,
        "timeout_ms" integer,
        "enabled" boolean NOT NULL DEFAULT true,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_upstream_accounts" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_upstream_accounts_protocol" CHECK ("protocol" IN ('openai', 'anthropic', 'gemini'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_upstream_accounts_name" ON "upstream_accounts" ("name")`);
    await queryRunner.query(`
      CREATE TABLE "upstream_model_routes" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "upstream_account_id" uuid NOT NULL,
        "model_id" character varying(200) NOT NULL,
        "upstream_model" character varying(200),
        "priority" integer NOT NULL,
        CONSTRAINT "PK_upstream_model_routes" PRIMARY KEY ("id"),
        CONSTRAINT "FK_upstream_model_routes_account" FOREIGN KEY ("upstream_account_id")
          REFERENCES "upstream_accounts" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_upstream_model_routes_account_model" ON "upstream_model_routes" ("upstream_account_id", "model_id")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_upstream_model_routes_model_id" ON "upstream_model_routes" ("model_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "upstream_model_routes"`);
    await queryRunner.query(`DROP TABLE "upstream_accounts"`);
  }
}
