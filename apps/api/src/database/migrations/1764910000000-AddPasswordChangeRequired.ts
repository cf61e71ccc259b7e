import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts staff create (POST /api/admin/users) start with a generated one-time password that the
 * person must replace at first sign-in. Existing accounts stay unflagged: forcing a change on
 * people already using their password would lock them out of the dashboard mid-work.
 */
export class AddPasswordChangeRequired1764910000000 implements MigrationInterface {
  name = 'AddPasswordChangeRequired1764910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "password_change_required" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "password_change_required"`);
  }
}
