import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invoices and credit notes. Numbers come from a counter row per series (`INV-2026`) updated in
 * the issuing transaction, so a rollback returns the number and issued numbers have no gaps
 * (a sequence would leave gaps). Issued invoices and their PDFs can never be changed or deleted.
 */
export class CreateInvoices1764200200000 implements MigrationInterface {
  name = 'CreateInvoices1764200200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "invoice_number_series" (
        "series" character varying(16) NOT NULL,
        "last_number" integer NOT NULL,
        CONSTRAINT "PK_invoice_number_series" PRIMARY KEY ("series"),
        CONSTRAINT "CHK_invoice_number_series_last" CHECK ("last_number" > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE "invoices" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "kind" character varying(16) NOT NULL,
        "series" character varying(16) NOT NULL,
        "number" integer NOT NULL,
        "display_number" character varying(32) NOT NULL,
        "payment_id" uuid NOT NULL,
        "corrects_invoice_id" uuid,
        "external_ref" character varying(255),
        "currency" character varying(3) NOT NULL,
        "amount_micros" bigint NOT NULL,
        "lines" jsonb NOT NULL,
        "seller" jsonb NOT NULL,
        "buyer" jsonb NOT NULL,
        "payment_reference" character varying(255) NOT NULL,
        "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_invoices" PRIMARY KEY ("id"),
        CONSTRAINT "FK_invoices_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
        CONSTRAINT "FK_invoices_payment" FOREIGN KEY ("payment_id") REFERENCES "payments" ("id"),
        CONSTRAINT "FK_invoices_corrects" FOREIGN KEY ("corrects_invoice_id") REFERENCES "invoices" ("id"),
        CONSTRAINT "CHK_invoices_kind" CHECK ("kind" IN ('invoice', 'credit_note')),
        CONSTRAINT "CHK_invoices_amount" CHECK ("amount_micros" > 0)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_invoices_series_number" ON "invoices" ("series", "number")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_invoices_display_number" ON "invoices" ("display_number")`);
    // One invoice per payment; one credit note per refund or dispute.
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_invoices_payment" ON "invoices" ("payment_id") WHERE "kind" = 'invoice'`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_invoices_external_ref" ON "invoices" ("external_ref") WHERE "external_ref" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_invoices_user_issued" ON "invoices" ("user_id", "issued_at")`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_invoices_immutable" BEFORE UPDATE OR DELETE ON "invoices"
      FOR EACH ROW EXECUTE FUNCTION billing_forbid_change()`);

    await queryRunner.query(`
      CREATE TABLE "invoice_documents" (
        "invoice_id" uuid NOT NULL,
        "content_type" character varying(64) NOT NULL,
        "content" bytea NOT NULL,
        "rendered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_invoice_documents" PRIMARY KEY ("invoice_id"),
        CONSTRAINT "FK_invoice_documents_invoice" FOREIGN KEY ("invoice_id") REFERENCES "invoices" ("id")
      )`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_invoice_documents_immutable" BEFORE UPDATE OR DELETE ON "invoice_documents"
      FOR EACH ROW EXECUTE FUNCTION billing_forbid_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "invoice_documents"`);
    await queryRunner.query(`DROP TABLE "invoices"`);
    await queryRunner.query(`DROP TABLE "invoice_number_series"`);
  }
}
