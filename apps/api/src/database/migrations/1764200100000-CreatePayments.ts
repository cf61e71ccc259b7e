import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Top-up payments, the payment provider's webhook deliveries (idempotency) and billing details. */
export class CreatePayments1764200100000 implements MigrationInterface {
  name = 'CreatePayments1764200100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "payments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "provider" character varying(16) NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'pending',
        "amount_micros" bigint NOT NULL,
        "currency" character varying(3) NOT NULL DEFAULT 'USD',
        "refunded_micros" bigint NOT NULL DEFAULT 0,
        "disputed_micros" bigint NOT NULL DEFAULT 0,
        "checkout_session_id" character varying(255),
        "provider_payment_id" character varying(255),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "completed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_payments" PRIMARY KEY ("id"),
        CONSTRAINT "FK_payments_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
        CONSTRAINT "CHK_payments_provider" CHECK ("provider" IN ('stripe', 'test')),
        CONSTRAINT "CHK_payments_status" CHECK ("status" IN ('pending', 'completed', 'failed', 'cancelled', 'expired')),
        CONSTRAINT "CHK_payments_amounts" CHECK ("amount_micros" > 0 AND "refunded_micros" >= 0 AND "disputed_micros" >= 0)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_payments_checkout_session" ON "payments" ("provider", "checkout_session_id") WHERE "checkout_session_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_payments_provider_payment_id" ON "payments" ("provider_payment_id") WHERE "provider_payment_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_payments_user_created" ON "payments" ("user_id", "created_at")`);

    await queryRunner.query(`
      CREATE TABLE "payment_provider_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "provider" character varying(16) NOT NULL,
        "event_id" character varying(255) NOT NULL,
        "type" character varying(100) NOT NULL,
        "outcome" character varying(32) NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_payment_provider_events" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_payment_provider_events_event" ON "payment_provider_events" ("provider", "event_id")`);

    await queryRunner.query(`
      CREATE TABLE "billing_profiles" (
        "user_id" uuid NOT NULL,
        "name" character varying(200),
        "company" character varying(200),
        "address_line1" character varying(200),
        "address_line2" character varying(200),
        "city" character varying(200),
        "postal_code" character varying(200),
        "region" character varying(200),
        "country" character varying(2),
        "vat_id" character varying(200),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_billing_profiles" PRIMARY KEY ("user_id"),
        CONSTRAINT "FK_billing_profiles_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "billing_profiles"`);
    await queryRunner.query(`DROP TABLE "payment_provider_events"`);
    await queryRunner.query(`DROP TABLE "payments"`);
  }
}
