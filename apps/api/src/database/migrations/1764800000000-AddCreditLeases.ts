import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credit leases (docs/billing-invariants.md, "Credit leases"): an instance holds a slice of an
 * account's available balance as one committed hold and carves requests' holds out of it in
 * memory. A lease counts in held_micros like a hold; its ledger entries ('lease', 'lease_return',
 * 'lease_expire') and the captures of the requests it covered carry its id; a usage row settled
 * from a lease names it instead of having a credit_holds row.
 *
 * The functions are frozen copies of apps/api/src/modules/billing/holds/sql/*.sql as of this
 * migration; a later change to a function is a new migration with its own copy.
 */
export class AddCreditLeases1764800000000 implements MigrationInterface {
  name = 'AddCreditLeases1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "credit_leases" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "instance_id" character varying(128) NOT NULL,
        "amount_micros" bigint NOT NULL DEFAULT 0,
        "status" character varying(16) NOT NULL DEFAULT 'open',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "resolved_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_credit_leases" PRIMARY KEY ("id"),
        CONSTRAINT "FK_credit_leases_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
        CONSTRAINT "CHK_credit_leases_amount" CHECK ("amount_micros" >= 0),
        CONSTRAINT "CHK_credit_leases_status" CHECK ("status" IN ('open', 'returned', 'expired'))
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_credit_leases_open_expires_at" ON "credit_leases" ("expires_at") WHERE "status" = 'open'`);
    await queryRunner.query(`CREATE INDEX "IDX_credit_leases_open_user" ON "credit_leases" ("user_id") WHERE "status" = 'open'`);
    await queryRunner.query(`ALTER TABLE "usage_records" ADD "lease_id" uuid`);
    await queryRunner.query(`ALTER TABLE "credit_ledger_entries" ADD "lease_id" uuid`);
    await queryRunner.query(`ALTER TABLE "credit_ledger_entries" DROP CONSTRAINT "CHK_credit_ledger_entries_kind"`);
    await queryRunner.query(`ALTER TABLE "credit_ledger_entries" ADD CONSTRAINT "CHK_credit_ledger_entries_kind" CHECK (${LEDGER_KINDS})`);
    await queryRunner.query(LEASE_ACQUIRE_FUNCTION);
    await queryRunner.query(LEASE_RETURN_FUNCTION);
    await queryRunner.query(SETTLE_LEASE_BATCH_FUNCTION);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION billing_settle_lease_batch`);
    await queryRunner.query(`DROP FUNCTION billing_lease_return`);
    await queryRunner.query(`DROP FUNCTION billing_lease_acquire`);
    await queryRunner.query(`ALTER TABLE "credit_ledger_entries" DROP CONSTRAINT "CHK_credit_ledger_entries_kind"`);
    await queryRunner.query(
      `ALTER TABLE "credit_ledger_entries" ADD CONSTRAINT "CHK_credit_ledger_entries_kind" CHECK (${PREVIOUS_LEDGER_KINDS}) NOT VALID`,
    );
    await queryRunner.query(`ALTER TABLE "credit_ledger_entries" DROP COLUMN "lease_id"`);
    await queryRunner.query(`ALTER TABLE "usage_records" DROP COLUMN "lease_id"`);
    await queryRunner.query(`DROP TABLE "credit_leases"`);
  }
}

const PREVIOUS_LEDGER_KINDS = `"kind" IN ('top_up', 'grant', 'adjustment', 'hold', 'capture', 'release', 'expire', 'refund', 'dispute')`;
const LEDGER_KINDS = `"kind" IN ('top_up', 'grant', 'adjustment', 'hold', 'capture', 'release', 'expire', 'refund', 'dispute', 'lease', 'lease_return', 'lease_expire')`;

/** Frozen copy of holds/sql/billing_lease_acquire.sql. */
export const LEASE_ACQUIRE_FUNCTION = `
-- Takes a credit lease for an instance, or tops one up and extends its expiry (docs/billing-invariants.md,
-- "Credit leases"). The lease is a committed hold: it counts in the account's held_micros, so the
-- sum of open holds and leases never exceeds the balance. Near the edge (available below
-- p_min_available) nothing is granted and the caller holds per request. A grant is capped at
-- available / p_max_share so other instances always find funds. p_want = 0 only renews the expiry.
CREATE OR REPLACE FUNCTION billing_lease_acquire(
  p_lease_id uuid, p_user_id uuid, p_instance_id text, p_want bigint, p_min_available bigint, p_max_share integer, p_ttl_seconds integer
)
RETURNS TABLE (lease_id uuid, amount_micros bigint, granted_micros bigint, expires_at timestamptz, lease_status text)
LANGUAGE plpgsql AS $$
DECLARE
  v_balance bigint;
  v_held bigint;
  v_available bigint;
  v_grant bigint := 0;
  v_lease credit_leases%ROWTYPE;
BEGIN
  SELECT l.balance_micros, l.held_micros INTO v_balance, v_held FROM billing_lock_account(p_user_id) l;
  IF p_lease_id IS NOT NULL THEN
    SELECT * INTO v_lease FROM credit_leases c WHERE c.id = p_lease_id AND c.user_id = p_user_id FOR UPDATE;
    IF NOT FOUND OR v_lease.status <> 'open' THEN
      RETURN QUERY SELECT p_lease_id, COALESCE(v_lease.amount_micros, 0::bigint), 0::bigint, v_lease.expires_at,
                          COALESCE(v_lease.status, 'missing')::text;
      RETURN;
    END IF;
  END IF;
  v_available := v_balance - v_held;
  IF p_want > 0 AND v_available >= GREATEST(p_min_available, 1) THEN
    v_grant := GREATEST(LEAST(p_want, v_available / GREATEST(p_max_share, 1)), 0);
  END IF;
  IF p_lease_id IS NULL THEN
    IF v_grant = 0 THEN
      RETURN;
    END IF;
    INSERT INTO credit_leases (user_id, instance_id, amount_micros, expires_at)
    VALUES (p_user_id, p_instance_id, v_grant, now() + make_interval(secs => p_ttl_seconds))
    RETURNING * INTO v_lease;
  ELSE
    UPDATE credit_leases c SET amount_micros = c.amount_micros + v_grant, expires_at = now() + make_interval(secs => p_ttl_seconds)
     WHERE c.id = p_lease_id
    RETURNING * INTO v_lease;
  END IF;
  IF v_grant > 0 THEN
    v_held := v_held + v_grant;
    PERFORM billing_add_account_totals(p_user_id, 0, v_grant, 0);
    INSERT INTO credit_ledger_entries
      (user_id, kind, balance_delta_micros, held_delta_micros, balance_after_micros, held_after_micros, lease_id)
    VALUES (p_user_id, 'lease', 0, v_grant, v_balance, v_held, v_lease.id);
  END IF;
  RETURN QUERY SELECT v_lease.id, v_lease.amount_micros, v_grant, v_lease.expires_at, v_lease.status::text;
END $$;
`;

/** Frozen copy of holds/sql/billing_lease_return.sql. */
export const LEASE_RETURN_FUNCTION = `
-- Gives back part or all of a lease. p_outcome: 'partial' returns up to p_amount and keeps the lease
-- open (a recall while requests still run on it); 'returned' closes it, returning what is left
-- (idle, shutdown); 'expired' does the same only once the lease is past its expiry (the reaper,
-- after a crash). A lease that is no longer open is left alone, so every call is idempotent.
CREATE OR REPLACE FUNCTION billing_lease_return(p_lease_id uuid, p_amount bigint, p_outcome text)
RETURNS TABLE (amount_micros bigint, returned_micros bigint, lease_status text)
LANGUAGE plpgsql AS $$
DECLARE
  v_user uuid;
  v_balance bigint;
  v_held bigint;
  v_return bigint;
  v_lease credit_leases%ROWTYPE;
BEGIN
  IF p_outcome NOT IN ('partial', 'returned', 'expired') THEN
    RAISE EXCEPTION 'unknown lease outcome %', p_outcome USING ERRCODE = '22023';
  END IF;
  SELECT c.user_id INTO v_user FROM credit_leases c WHERE c.id = p_lease_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  -- The account row first, as every billing function locks it, then the lease.
  SELECT l.balance_micros, l.held_micros INTO v_balance, v_held FROM billing_lock_account(v_user) l;
  SELECT * INTO v_lease FROM credit_leases c WHERE c.id = p_lease_id FOR UPDATE;
  IF v_lease.status <> 'open' OR (p_outcome = 'expired' AND v_lease.expires_at >= now()) THEN
    RETURN QUERY SELECT v_lease.amount_micros, 0::bigint, v_lease.status::text;
    RETURN;
  END IF;
  v_return := CASE WHEN p_outcome = 'partial' THEN LEAST(GREATEST(p_amount, 0), v_lease.amount_micros) ELSE v_lease.amount_micros END;
  UPDATE credit_leases c
     SET amount_micros = c.amount_micros - v_return,
         status = CASE WHEN p_outcome = 'partial' THEN 'open' ELSE p_outcome END,
         resolved_at = CASE WHEN p_outcome = 'partial' THEN NULL ELSE now() END
   WHERE c.id = p_lease_id
  RETURNING * INTO v_lease;
  IF v_return > 0 THEN
    v_held := v_held - v_return;
    PERFORM billing_add_account_totals(v_user, 0, -v_return, 0);
    INSERT INTO credit_ledger_entries
      (user_id, kind, balance_delta_micros, held_delta_micros, balance_after_micros, held_after_micros, lease_id)
    VALUES (v_user, CASE WHEN p_outcome = 'expired' THEN 'lease_expire' ELSE 'lease_return' END, 0, -v_return, v_balance, v_held, p_lease_id);
  END IF;
  RETURN QUERY SELECT v_lease.amount_micros, v_return, v_lease.status::text;
END $$;
`;

/** Frozen copy of holds/sql/billing_settle_lease_batch.sql. */
export const SETTLE_LEASE_BATCH_FUNCTION = `
-- Settles requests whose holds were slices carved from a lease in memory (no credit_holds row).
-- p_items: [{request_id, user_id, lease_id, key_id, slice, model, started_at, actual_cost (decimal
-- string), provider, prompt_tokens, completion_tokens, cached_tokens, estimated, status,
-- latency_ms, ttft_ms, attempts (array or null)}]. The charge comes out of the lease up to the
-- slice (as far as the lease still holds it: a lease that expired or was closed covers nothing),
-- and beyond it out of the available balance while it lasts; the rest is written off as
-- uncollected, so no charge pushes an available balance below zero. One usage row per request id:
-- a request already settled is left alone (settled = false). Items go in (user, lease, key,
-- request) order; the account row is locked first, as in every billing function, and each
-- account, lease and key row is updated once per batch.
CREATE OR REPLACE FUNCTION billing_settle_lease_batch(p_items jsonb)
RETURNS TABLE (
  item_index integer, settled boolean, charged_micros bigint, uncollected_micros bigint, error_state text, error_message text
)
LANGUAGE plpgsql AS $$
DECLARE
  v_item record;
  v_user uuid;
  v_lease_id uuid;
  v_key uuid;
  v_balance bigint;
  v_held bigint;
  v_user_charged bigint := 0;
  v_user_released bigint := 0;
  v_key_charged bigint := 0;
  v_lease credit_leases%ROWTYPE;
  v_lease_left bigint := 0;
  v_lease_used bigint := 0;
  v_covered bigint;
  v_charge bigint;
  v_used bigint;
BEGIN
  FOR v_item IN
    SELECT (i.ordinality - 1)::integer AS idx, i.value->>'request_id' AS request_id, (i.value->>'user_id')::uuid AS user_id,
           (i.value->>'lease_id')::uuid AS lease_id, (i.value->>'key_id')::uuid AS key_id, (i.value->>'slice')::bigint AS slice,
           i.value->>'model' AS model, (i.value->>'started_at')::timestamptz AS started_at,
           (i.value->>'actual_cost')::bigint AS actual_cost, i.value->>'provider' AS provider,
           (i.value->>'prompt_tokens')::integer AS prompt_tokens, (i.value->>'completion_tokens')::integer AS completion_tokens,
           (i.value->>'cached_tokens')::integer AS cached_tokens, (i.value->>'estimated')::boolean AS estimated,
           i.value->>'status' AS status, (i.value->>'latency_ms')::integer AS latency_ms, (i.value->>'ttft_ms')::integer AS ttft_ms,
           CASE WHEN jsonb_typeof(i.value->'attempts') = 'array' THEN i.value->'attempts' END AS attempts
      FROM jsonb_array_elements(p_items) WITH ORDINALITY AS i(value, ordinality)
     ORDER BY 3, 4, 5, 2, 1
  LOOP
    IF v_user IS DISTINCT FROM v_item.user_id OR v_lease_id IS DISTINCT FROM v_item.lease_id OR v_key IS DISTINCT FROM v_item.key_id THEN
      PERFORM billing_add_key_totals(v_key, v_key_charged, 0);
      v_key_charged := 0;
      IF v_user IS DISTINCT FROM v_item.user_id OR v_lease_id IS DISTINCT FROM v_item.lease_id THEN
        IF v_lease_used > 0 THEN
          UPDATE credit_leases c SET amount_micros = c.amount_micros - v_lease_used WHERE c.id = v_lease_id;
        END IF;
        v_lease_used := 0;
        IF v_user IS DISTINCT FROM v_item.user_id THEN
          PERFORM billing_add_account_totals(v_user, -v_user_charged, -v_user_released, v_user_charged);
          v_user_charged := 0; v_user_released := 0;
          v_user := v_item.user_id;
          SELECT l.balance_micros, l.held_micros INTO v_balance, v_held FROM billing_lock_account(v_user) l;
        END IF;
        v_lease_id := v_item.lease_id;
        SELECT * INTO v_lease FROM credit_leases c WHERE c.id = v_lease_id AND c.user_id = v_user FOR UPDATE;
        v_lease_left := CASE WHEN FOUND AND v_lease.status = 'open' THEN v_lease.amount_micros ELSE 0 END;
      END IF;
      v_key := v_item.key_id;
      PERFORM billing_lock_key(v_key, v_user);
    END IF;

    item_index := v_item.idx;
    settled := NULL; charged_micros := NULL; uncollected_micros := NULL; error_state := NULL; error_message := NULL;
    IF v_item.actual_cost IS NULL OR v_item.actual_cost < 0 OR v_item.slice IS NULL OR v_item.slice < 0 THEN
      error_state := '22023'; error_message := 'a cost or a slice cannot be negative';
      RETURN NEXT;
      CONTINUE;
    END IF;
    IF EXISTS (SELECT 1 FROM usage_records u WHERE u.request_id = v_item.request_id)
       OR EXISTS (SELECT 1 FROM credit_holds h WHERE h.request_id = v_item.request_id) THEN
      settled := false;
      SELECT COALESCE(u.cost_micros, 0::bigint), COALESCE(u.uncollected_micros, 0::bigint) INTO charged_micros, uncollected_micros
        FROM (SELECT 1) AS one LEFT JOIN usage_records u ON u.request_id = v_item.request_id;
      RETURN NEXT;
      CONTINUE;
    END IF;

    v_covered := LEAST(v_item.slice, v_lease_left);
    v_charge := LEAST(v_item.actual_cost, v_covered + GREATEST(v_balance - v_held, 0));
    v_used := LEAST(v_charge, v_covered);
    v_lease_left := v_lease_left - v_used;
    v_lease_used := v_lease_used + v_used;
    v_balance := v_balance - v_charge;
    v_held := v_held - v_used;
    v_user_charged := v_user_charged + v_charge;
    v_user_released := v_user_released + v_used;
    v_key_charged := v_key_charged + v_charge;

    IF v_charge > 0 THEN
      INSERT INTO credit_ledger_entries
        (user_id, kind, balance_delta_micros, held_delta_micros, balance_after_micros, held_after_micros, request_id, lease_id)
      VALUES (v_user, 'capture', -v_charge, -v_used, v_balance, v_held, v_item.request_id, v_lease_id);
    END IF;
    INSERT INTO usage_records (
      request_id, user_id, key_id, model, provider, prompt_tokens, completion_tokens, cached_tokens, cost_micros,
      uncollected_micros, hold_micros, estimated, status, latency_ms, ttft_ms, attempts, created_at, lease_id
    ) VALUES (
      v_item.request_id, v_user, v_key, v_item.model, v_item.provider, v_item.prompt_tokens, v_item.completion_tokens,
      v_item.cached_tokens, v_charge, v_item.actual_cost - v_charge, v_item.slice, v_item.estimated, v_item.status,
      v_item.latency_ms, v_item.ttft_ms, v_item.attempts, COALESCE(v_item.started_at, now()), v_lease_id
    );
    settled := true; charged_micros := v_charge; uncollected_micros := v_item.actual_cost - v_charge;
    RETURN NEXT;
  END LOOP;

  PERFORM billing_add_key_totals(v_key, v_key_charged, 0);
  IF v_lease_used > 0 THEN
    UPDATE credit_leases c SET amount_micros = c.amount_micros - v_lease_used WHERE c.id = v_lease_id;
  END IF;
  PERFORM billing_add_account_totals(v_user, -v_user_charged, -v_user_released, v_user_charged);
END $$;
`;
