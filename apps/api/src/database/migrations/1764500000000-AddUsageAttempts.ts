import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The failover attempts of each request, for the staff request lookup (no keys or content). */
export class AddUsageAttempts1764500000000 implements MigrationInterface {
  name = 'AddUsageAttempts1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "usage_records" ADD "attempts" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "usage_records" DROP COLUMN "attempts"`);
  }
}
