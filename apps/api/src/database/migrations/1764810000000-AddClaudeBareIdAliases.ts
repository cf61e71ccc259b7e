import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claude Code sends Anthropic's bare model ids (`claude-sonnet-4-5-20250929`); each catalog Claude
 * model gets its bare id as an alias (admins can remove or move it like any alias). New catalog
 * models get theirs from the seeder; this covers the models already in the database.
 */
export class AddClaudeBareIdAliases1764810000000 implements MigrationInterface {
  name = 'AddClaudeBareIdAliases1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE "models" m SET "aliases" = m."aliases" || m."upstream_model"
      WHERE m."provider" = 'anthropic'
        AND NOT EXISTS (SELECT 1 FROM "models" o WHERE o."id" = m."upstream_model" OR m."upstream_model" = ANY(o."aliases"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "models" SET "aliases" = array_remove("aliases", "upstream_model") WHERE "provider" = 'anthropic'`);
  }
}
