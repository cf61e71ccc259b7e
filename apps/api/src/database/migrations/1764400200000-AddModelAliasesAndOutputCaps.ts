import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Admin-managed model aliases and default output caps (the admin issue's model settings). */
export class AddModelAliasesAndOutputCaps1764400200000 implements MigrationInterface {
  name = 'AddModelAliasesAndOutputCaps1764400200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "models" ADD "aliases" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "models" ADD "default_max_output_tokens" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "models" DROP COLUMN "default_max_output_tokens"`);
    await queryRunner.query(`ALTER TABLE "models" DROP COLUMN "aliases"`);
  }
}
