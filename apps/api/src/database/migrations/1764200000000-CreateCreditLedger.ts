import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The prepaid credit ledger: one account row per user (balance and held funds), append-only
 * ledger entries, request holds, per-key spend and the usage log. Reservation and settlement are
 * PL/pgSQL functions so each is one atomic statement (one round trip on the request path) and the
 * database itself refuses a hold that the available balance does not cover.
 */
export class CreateCreditLedger1764200000000 implements MigrationInterface {
  name = 'CreateCreditLedger1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "credit_accounts" (
        "user_id" uuid NOT NULL,
        "balance_micros" bigint NOT NULL DEFAULT 0,
        "held_micros" bigint NOT NULL DEFAULT 0,
        "usage_micros" bigint NOT NULL DEFAULT 0,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_credit_accounts" PRIMARY KEY ("user_id"),
        CONSTRAINT "FK_credit_accounts_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
        CONSTRAINT "CHK_credit_accounts_held" CHECK ("held_micros" >= 0),
        CONSTRAINT "CHK_credit_accounts_usage" CHECK ("usage_micros" >= 0)
      )`);

    await queryRunner.query(`
      CREATE TABLE "credit_ledger_entries" (
        "id" BIGSERIAL NOT NULL,
        "user_id" uuid NOT NULL,
        "kind" character varying(16) NOT NULL,
        "balance_delta_micros" bigint NOT NULL,
        "held_delta_micros" bigint NOT NULL,
        "balance_after_micros" bigint NOT NULL,
        "held_after_micros" bigint NOT NULL,
        "request_id" character varying(128),
        "payment_id" uuid,
        "external_ref" character varying(255),
        "description" character varying(500),
        "actor" character varying(320),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_credit_ledger_entries" PRIMARY KEY ("id"),
        CONSTRAINT "FK_credit_ledger_entries_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
        CONSTRAINT "CHK_credit_ledger_entries_kind" CHECK ("kind" IN ('top_up', 'grant', 'adjustment', 'hold', 'capture', 'release', 'expire', 'refund', 'dispute'))
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_credit_ledger_entries_user_id" ON "credit_ledger_entries" ("user_id", "id")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_credit_ledger_entries_request_id" ON "credit_ledger_entries" ("request_id") WHERE "request_id" IS NOT NULL`,
    );
    // A payment, refund, dispute or grant reference moves money at most once, whatever retries.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_credit_ledger_entries_external_ref" ON "credit_ledger_entries" ("kind", "external_ref") WHERE "external_ref" IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE FUNCTION billing_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'AB001';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_credit_ledger_entries_append_only" BEFORE UPDATE OR DELETE ON "credit_ledger_entries"
      FOR EACH ROW EXECUTE FUNCTION billing_forbid_change()`);

    await queryRunner.query(`
      CREATE TABLE "credit_holds" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "request_id" character varying(128) NOT NULL,
        "user_id" uuid NOT NULL,
        "key_id" uuid NOT NULL,
        "model" character varying(200) NOT NULL,
        "amount_micros" bigint NOT NULL,
        "spend_cap_micros" bigint,
        "status" character varying(16) NOT NULL DEFAULT 'open',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "resolved_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_credit_holds" PRIMARY KEY ("id"),
        CONSTRAINT "FK_credit_holds_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
        CONSTRAINT "CHK_credit_holds_amount" CHECK ("amount_micros" >= 0),
        CONSTRAINT "CHK_credit_holds_status" CHECK ("status" IN ('open', 'captured', 'released', 'expired'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_credit_holds_request_id" ON "credit_holds" ("request_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_credit_holds_open_expires_at" ON "credit_holds" ("expires_at") WHERE "status" = 'open'`);

    await queryRunner.query(`
      CREATE TABLE "api_key_spend" (
        "key_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "spent_micros" bigint NOT NULL DEFAULT 0,
        "held_micros" bigint NOT NULL DEFAULT 0,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_api_key_spend" PRIMARY KEY ("key_id"),
        CONSTRAINT "FK_api_key_spend_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
        CONSTRAINT "CHK_api_key_spend_spent" CHECK ("spent_micros" >= 0),
        CONSTRAINT "CHK_api_key_spend_held" CHECK ("held_micros" >= 0)
      )`);

    await queryRunner.query(`
      CREATE TABLE "usage_records" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "request_id" character varying(128) NOT NULL,
        "user_id" uuid NOT NULL,
        "key_id" uuid NOT NULL,
        "model" character varying(200) NOT NULL,
        "provider" character varying(100),
        "prompt_tokens" integer NOT NULL DEFAULT 0,
        "completion_tokens" integer NOT NULL DEFAULT 0,
        "cached_tokens" integer NOT NULL DEFAULT 0,
        "cost_micros" bigint NOT NULL,
        "uncollected_micros" bigint NOT NULL DEFAULT 0,
        "hold_micros" bigint NOT NULL,
        "estimated" boolean NOT NULL DEFAULT false,
        "status" character varying(16) NOT NULL,
        "latency_ms" integer,
        "ttft_ms" integer,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "settled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_usage_records" PRIMARY KEY ("id"),
        CONSTRAINT "FK_usage_records_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
        CONSTRAINT "CHK_usage_records_cost" CHECK ("cost_micros" >= 0 AND "uncollected_micros" >= 0),
        CONSTRAINT "CHK_usage_records_status" CHECK ("status" IN ('success', 'client_closed', 'upstream_error', 'timeout', 'error', 'expired'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_usage_records_request_id" ON "usage_records" ("request_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_usage_records_user_created" ON "usage_records" ("user_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_usage_records_key_created" ON "usage_records" ("key_id", "created_at")`);

    await queryRunner.query(RESERVE_FUNCTION);
    await queryRunner.query(SETTLE_FUNCTION);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION billing_settle`);
    await queryRunner.query(`DROP FUNCTION billing_reserve`);
    await queryRunner.query(`DROP TABLE "usage_records"`);
    await queryRunner.query(`DROP TABLE "api_key_spend"`);
    await queryRunner.query(`DROP TABLE "credit_holds"`);
    await queryRunner.query(`DROP TABLE "credit_ledger_entries"`);
    await queryRunner.query(`DROP FUNCTION billing_forbid_change`);
    await queryRunner.query(`DROP TABLE "credit_accounts"`);
  }
}

/**
 * Holds `p_amount` for one request, or raises AB402 (balance) / AB403 (key spend cap) and writes
 * nothing. The account UPDATE's WHERE is re-checked under the row lock, so concurrent requests on
 * any number of API instances can never hold more than the balance.
 */
export const RESERVE_FUNCTION = `
CREATE FUNCTION billing_reserve(
  p_request_id varchar, p_user_id uuid, p_key_id uuid, p_spend_cap bigint, p_amount bigint, p_model varchar, p_ttl_seconds integer
) RETURNS TABLE (hold_id uuid, created_at timestamptz, expires_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  v_balance bigint;
  v_held bigint;
  v_hold credit_holds%ROWTYPE;
BEGIN
  IF p_amount < 0 THEN
    RAISE EXCEPTION 'a hold cannot be negative' USING ERRCODE = '22023';
  END IF;
  IF p_amount = 0 THEN
    -- A free request needs no credits, only an account to record it against.
    INSERT INTO credit_accounts (user_id) VALUES (p_user_id) ON CONFLICT (user_id) DO NOTHING;
  END IF;

  UPDATE credit_accounts a SET held_micros = a.held_micros + p_amount, updated_at = now()
   WHERE a.user_id = p_user_id AND a.balance_micros - a.held_micros >= p_amount
  RETURNING a.balance_micros, a.held_micros INTO v_balance, v_held;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'insufficient balance' USING ERRCODE = 'AB402';
  END IF;

  -- The key's spend row is created on its first request; ON CONFLICT waits for a concurrent first insert.
  UPDATE api_key_spend k SET held_micros = k.held_micros + p_amount, updated_at = now()
   WHERE k.key_id = p_key_id AND (p_spend_cap IS NULL OR k.spent_micros + k.held_micros + p_amount <= p_spend_cap);
  IF NOT FOUND THEN
    INSERT INTO api_key_spend (key_id, user_id) VALUES (p_key_id, p_user_id) ON CONFLICT (key_id) DO NOTHING;
    UPDATE api_key_spend k SET held_micros = k.held_micros + p_amount, updated_at = now()
     WHERE k.key_id = p_key_id AND (p_spend_cap IS NULL OR k.spent_micros + k.held_micros + p_amount <= p_spend_cap);
    IF NOT FOUND THEN
      RAISE EXCEPTION 'key spend cap reached' USING ERRCODE = 'AB403';
    END IF;
  END IF;

  INSERT INTO credit_holds (request_id, user_id, key_id, model, amount_micros, spend_cap_micros, expires_at)
  VALUES (p_request_id, p_user_id, p_key_id, p_model, p_amount, p_spend_cap, now() + make_interval(secs => p_ttl_seconds))
  RETURNING * INTO v_hold;

  INSERT INTO credit_ledger_entries
    (user_id, kind, balance_delta_micros, held_delta_micros, balance_after_micros, held_after_micros, request_id)
  VALUES (p_user_id, 'hold', 0, p_amount, v_balance, v_held, p_request_id);

  RETURN QUERY SELECT v_hold.id, v_hold.created_at, v_hold.expires_at;
END $$`;

/**
 * Resolves one open hold exactly once: captures up to the actual cost, releases the rest of the
 * hold and writes the usage row, all in one statement. The charge may exceed the hold when the
 * balance (and the key's cap) allow it; beyond that it is written off as uncollected, so no
 * request ever pushes an available balance below zero. A hold already resolved is left alone
 * (settled = false), which makes settlement idempotent by request id.
 */
export const SETTLE_FUNCTION = `
CREATE FUNCTION billing_settle(
  p_request_id varchar, p_outcome varchar, p_actual_cost bigint, p_provider varchar,
  p_prompt_tokens integer, p_completion_tokens integer, p_cached_tokens integer, p_estimated boolean,
  p_status varchar, p_latency_ms integer, p_ttft_ms integer
) RETURNS TABLE (settled boolean, charged_micros bigint, uncollected_micros bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_hold credit_holds%ROWTYPE;
  v_balance bigint;
  v_held bigint;
  v_key_spent bigint;
  v_key_held bigint;
  v_charge bigint;
BEGIN
  IF p_actual_cost < 0 THEN
    RAISE EXCEPTION 'a cost cannot be negative' USING ERRCODE = '22023';
  END IF;

  UPDATE credit_holds h SET status = p_outcome, resolved_at = now()
   WHERE h.request_id = p_request_id AND h.status = 'open'
  RETURNING * INTO v_hold;
  IF NOT FOUND THEN
    RETURN QUERY SELECT false, COALESCE(u.cost_micros, 0::bigint), COALESCE(u.uncollected_micros, 0::bigint)
      FROM (SELECT 1) AS one LEFT JOIN usage_records u ON u.request_id = p_request_id;
    RETURN;
  END IF;

  SELECT a.balance_micros, a.held_micros INTO v_balance, v_held
    FROM credit_accounts a WHERE a.user_id = v_hold.user_id FOR UPDATE;
  SELECT k.spent_micros, k.held_micros INTO v_key_spent, v_key_held
    FROM api_key_spend k WHERE k.key_id = v_hold.key_id FOR UPDATE;

  v_charge := LEAST(p_actual_cost, v_hold.amount_micros + GREATEST(v_balance - v_held, 0));
  IF v_hold.spend_cap_micros IS NOT NULL THEN
    v_charge := LEAST(v_charge, v_hold.amount_micros + GREATEST(v_hold.spend_cap_micros - v_key_spent - v_key_held, 0));
  END IF;

  UPDATE credit_accounts a
     SET balance_micros = a.balance_micros - v_charge, held_micros = a.held_micros - v_hold.amount_micros,
         usage_micros = a.usage_micros + v_charge, updated_at = now()
   WHERE a.user_id = v_hold.user_id
  RETURNING a.balance_micros, a.held_micros INTO v_balance, v_held;
  UPDATE api_key_spend k
     SET spent_micros = k.spent_micros + v_charge, held_micros = k.held_micros - v_hold.amount_micros, updated_at = now()
   WHERE k.key_id = v_hold.key_id;

  INSERT INTO credit_ledger_entries
    (user_id, kind, balance_delta_micros, held_delta_micros, balance_after_micros, held_after_micros, request_id)
  VALUES (
    v_hold.user_id,
    CASE p_outcome WHEN 'captured' THEN 'capture' WHEN 'released' THEN 'release' ELSE 'expire' END,
    -v_charge, -v_hold.amount_micros, v_balance, v_held, p_request_id
  );

  INSERT INTO usage_records (
    request_id, user_id, key_id, model, provider, prompt_tokens, completion_tokens, cached_tokens,
    cost_micros, uncollected_micros, hold_micros, estimated, status, latency_ms, ttft_ms, created_at
  ) VALUES (
    p_request_id, v_hold.user_id, v_hold.key_id, v_hold.model, p_provider, p_prompt_tokens, p_completion_tokens,
    p_cached_tokens, v_charge, p_actual_cost - v_charge, v_hold.amount_micros, p_estimated, p_status, p_latency_ms,
    p_ttft_ms, v_hold.created_at
  );

  RETURN QUERY SELECT true, v_charge, p_actual_cost - v_charge;
END $$`;
