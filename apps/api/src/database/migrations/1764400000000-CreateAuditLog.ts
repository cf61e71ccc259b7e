import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditLog1764400000000 implements MigrationInterface {
  name = 'CreateAuditLog1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "audit_log" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "actor_type" character varying(16) NOT NULL,
        "actor_id" uuid,
        "actor_label" character varying(320) NOT NULL,
        "actor_role" character varying(16),
        "action" character varying(64) NOT NULL,
        "target_type" character varying(32) NOT NULL,
        "target_id" character varying(200),
        "before" jsonb,
        "after" jsonb,
        "reason" text,
        "request_id" character varying(128),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_audit_log" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_created_at" ON "audit_log" ("created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_actor_created" ON "audit_log" ("actor_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_target_created" ON "audit_log" ("target_type", "target_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_action_created" ON "audit_log" ("action", "created_at")`);
    // Append-only in the database itself, not just by convention in the code.
    await queryRunner.query(`
      CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
      FOR EACH ROW EXECUTE FUNCTION "audit_log_refuse_change"()`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
      FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_change"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP FUNCTION "audit_log_refuse_change"()`);
  }
}
