import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The person's name on accounts staff create (POST /api/admin/users); self sign-ups have none. */
export class AddUserName1764830000000 implements MigrationInterface {
  name = 'AddUserName1764830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "name" character varying(200)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "name"`);
  }
}
