import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Catalog models are chat or embedding models; every existing model is a chat model. */
export class AddModelKind1764810000000 implements MigrationInterface {
  name = 'AddModelKind1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "models" ADD "kind" character varying(16) NOT NULL DEFAULT 'chat'`);
    await queryRunner.query(`ALTER TABLE "models" ADD CONSTRAINT "CHK_models_kind" CHECK ("kind" IN ('chat', 'embedding'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "models" DROP CONSTRAINT "CHK_models_kind"`);
    await queryRunner.query(`ALTER TABLE "models" DROP COLUMN "kind"`);
  }
}
