import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApiKeys1764100100000 implements MigrationInterface {
  name = 'CreateApiKeys1764100100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "api_keys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "name" character varying(100) NOT NULL,
        "key_hash" character varying(64) NOT NULL,
        "display_prefix" character varying(16) NOT NULL,
        "display_suffix" character varying(8) NOT NULL,
        "rpm_limit" integer,
        "spend_cap_micros" bigint,
        "expires_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_api_keys" PRIMARY KEY ("id"),
        CONSTRAINT "FK_api_keys_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_keys_key_hash" ON "api_keys" ("key_hash")`);
    await queryRunner.query(`CREATE INDEX "IDX_api_keys_user_id" ON "api_keys" ("user_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "api_keys"`);
  }
}
