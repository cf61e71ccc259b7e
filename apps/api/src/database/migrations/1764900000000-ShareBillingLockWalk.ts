import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The account/key lock walk that billing_reserve_batch, billing_settle_batch and
 * billing_settle_lease_batch each spelled out (write the totals of the key and account being
 * left, lock the next account, then the next key) becomes one function, billing_walk_to, which
 * the three call. Same locks in the same order, same totals written: only the copies go.
 *
 * Every function here is a frozen copy: the live bodies are
 * apps/api/src/modules/billing/holds/sql/*.sql, and a later change to one is a new migration with
 * its own copy. down() reinstalls the bodies RecordRefusedRequests1764820000000 (the two settle
 * functions) and AddBillingBatchFunctions1764600000000 (the reserve function) left, copied here
 * too (no migration imports another).
 */
export class ShareBillingLockWalk1764900000000 implements MigrationInterface {
  name = 'ShareBillingLockWalk1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(WALK_TO_FUNCTION);
    await queryRunner.query(RESERVE_BATCH_FUNCTION);
    await queryRunner.query(SETTLE_BATCH_FUNCTION);
    await queryRunner.query(SETTLE_LEASE_BATCH_FUNCTION);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(PREVIOUS_RESERVE_BATCH_FUNCTION);
    await queryRunner.query(PREVIOUS_SETTLE_BATCH_FUNCTION);
    await queryRunner.query(PREVIOUS_SETTLE_LEASE_BATCH_FUNCTION);
    await queryRunner.query(`DROP FUNCTION billing_walk_to`);
  }
}

/** billing_walk_to: the lock walk of the batch functions. */
export const WALK_TO_FUNCTION = `
-- The lock walk of the batch functions, whose items go in (user, key) order: leaving a key writes
-- its accumulated totals, leaving an account writes the account's and locks the next one, then
-- the next key is locked (accounts before keys, accounts in user order, in every billing function,
-- so concurrent batches never deadlock). Account totals are written only when the walk leaves the
-- account (account_changed); until then the caller keeps adding to them. Walking to (NULL, NULL)
-- after the last item writes the last totals and locks nothing.
CREATE FUNCTION billing_walk_to(
  p_from_user uuid, p_from_key uuid, p_to_user uuid, p_to_key uuid,
  p_account_balance_delta bigint, p_account_held_delta bigint, p_account_usage_delta bigint,
  p_key_spent_delta bigint, p_key_held_delta bigint,
  OUT account_changed boolean, OUT balance_micros bigint, OUT held_micros bigint,
  OUT key_spent_micros bigint, OUT key_held_micros bigint
)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM billing_add_key_totals(p_from_key, p_key_spent_delta, p_key_held_delta);
  account_changed := p_from_user IS DISTINCT FROM p_to_user;
  IF account_changed THEN
    PERFORM billing_add_account_totals(p_from_user, p_account_balance_delta, p_account_held_delta, p_account_usage_delta);
    IF p_to_user IS NOT NULL THEN
      SELECT l.balance_micros, l.held_micros INTO balance_micros, held_micros FROM billing_lock_account(p_to_user) l;
    END IF;
  END IF;
  IF p_to_key IS NOT NULL THEN
    SELECT l.spent_micros, l.held_micros INTO key_spent_micros, key_held_micros FROM billing_lock_key(p_to_key, p_to_user) l;
  END IF;
END $$`;

/** billing_reserve_batch walking with billing_walk_to. */
export const RESERVE_BATCH_FUNCTION = `
CREATE OR REPLACE FUNCTION billing_reserve_batch(p_items jsonb, p_ttl_seconds integer)
RETURNS TABLE (
  item_index integer, hold_id uuid, created_at timestamptz, expires_at timestamptz, error_state text, error_message text
)
LANGUAGE plpgsql AS $$
DECLARE
  v_item record;
  v_user uuid;
  v_key uuid;
  v_balance bigint;
  v_held bigint;
  v_user_held_added bigint := 0;
  v_key_spent bigint;
  v_key_held bigint;
  v_key_held_added bigint := 0;
  v_hold credit_holds%ROWTYPE;
  v_walk record;
BEGIN
  FOR v_item IN
    SELECT (i.ordinality - 1)::integer AS idx, i.value->>'request_id' AS request_id, (i.value->>'user_id')::uuid AS user_id,
           (i.value->>'key_id')::uuid AS key_id, (i.value->>'spend_cap')::bigint AS spend_cap,
           (i.value->>'amount')::bigint AS amount, i.value->>'model' AS model
      FROM jsonb_array_elements(p_items) WITH ORDINALITY AS i(value, ordinality)
     ORDER BY 3, 4, 2, 1
  LOOP
    IF v_key IS DISTINCT FROM v_item.key_id OR v_user IS DISTINCT FROM v_item.user_id THEN
      SELECT * INTO v_walk FROM billing_walk_to(v_user, v_key, v_item.user_id, v_item.key_id, 0, v_user_held_added, 0, 0, v_key_held_added);
      IF v_walk.account_changed THEN
        v_balance := v_walk.balance_micros; v_held := v_walk.held_micros; v_user_held_added := 0;
      END IF;
      v_key_spent := v_walk.key_spent_micros; v_key_held := v_walk.key_held_micros; v_key_held_added := 0;
      v_user := v_item.user_id; v_key := v_item.key_id;
    END IF;

    item_index := v_item.idx;
    hold_id := NULL; created_at := NULL; expires_at := NULL; error_state := NULL; error_message := NULL;
    IF v_item.amount IS NULL OR v_item.amount < 0 THEN
      error_state := '22023'; error_message := 'a hold cannot be negative';
    ELSIF v_balance - v_held < v_item.amount THEN
      error_state := 'AB402'; error_message := 'insufficient balance';
    ELSIF v_item.spend_cap IS NOT NULL AND v_key_spent + v_key_held + v_item.amount > v_item.spend_cap THEN
      error_state := 'AB403'; error_message := 'key spend cap reached';
    ELSE
      INSERT INTO credit_holds (request_id, user_id, key_id, model, amount_micros, spend_cap_micros, expires_at)
      VALUES (v_item.request_id, v_user, v_key, v_item.model, v_item.amount, v_item.spend_cap,
              now() + make_interval(secs => p_ttl_seconds))
      ON CONFLICT (request_id) DO NOTHING
      RETURNING * INTO v_hold;
      IF NOT FOUND THEN
        error_state := '23505'; error_message := 'this request id already holds funds';
      ELSE
        v_held := v_held + v_item.amount;
        v_key_held := v_key_held + v_item.amount;
        v_user_held_added := v_user_held_added + v_item.amount;
        v_key_held_added := v_key_held_added + v_item.amount;
        INSERT INTO credit_ledger_entries
          (user_id, kind, balance_delta_micros, held_delta_micros, balance_after_micros, held_after_micros, request_id)
        VALUES (v_user, 'hold', 0, v_item.amount, v_balance, v_held, v_item.request_id);
        hold_id := v_hold.id; created_at := v_hold.created_at; expires_at := v_hold.expires_at;
      END IF;
    END IF;
    RETURN NEXT;
  END LOOP;

  PERFORM billing_walk_to(v_user, v_key, NULL, NULL, 0, v_user_held_added, 0, 0, v_key_held_added);
END $$`;

/** billing_settle_batch walking with billing_walk_to. */
export const SETTLE_BATCH_FUNCTION = `
CREATE OR REPLACE FUNCTION billing_settle_batch(p_items jsonb)
RETURNS TABLE (
  item_index integer, settled boolean, charged_micros bigint, uncollected_micros bigint, error_state text, error_message text
)
LANGUAGE plpgsql AS $$
DECLARE
  v_item record;
  v_user uuid;
  v_key uuid;
  v_balance bigint;
  v_held bigint;
  v_user_charged bigint := 0;
  v_user_released bigint := 0;
  v_key_spent bigint;
  v_key_held bigint;
  v_key_charged bigint := 0;
  v_key_released bigint := 0;
  v_hold credit_holds%ROWTYPE;
  v_charge bigint;
  v_walk record;
BEGIN
  FOR v_item IN
    SELECT (i.ordinality - 1)::integer AS idx, i.value->>'request_id' AS request_id, (i.value->>'user_id')::uuid AS user_id,
           (i.value->>'key_id')::uuid AS key_id, i.value->>'outcome' AS outcome, (i.value->>'actual_cost')::bigint AS actual_cost,
           i.value->>'provider' AS provider, (i.value->>'prompt_tokens')::integer AS prompt_tokens,
           (i.value->>'completion_tokens')::integer AS completion_tokens, (i.value->>'cached_tokens')::integer AS cached_tokens,
           (i.value->>'estimated')::boolean AS estimated, i.value->>'status' AS status, (i.value->>'latency_ms')::integer AS latency_ms,
           (i.value->>'ttft_ms')::integer AS ttft_ms,
           CASE WHEN jsonb_typeof(i.value->'attempts') = 'array' THEN i.value->'attempts' END AS attempts
      FROM jsonb_array_elements(p_items) WITH ORDINALITY AS i(value, ordinality)
     ORDER BY 3, 4, 2, 1
  LOOP
    IF v_key IS DISTINCT FROM v_item.key_id OR v_user IS DISTINCT FROM v_item.user_id THEN
      SELECT * INTO v_walk FROM billing_walk_to(v_user, v_key, v_item.user_id, v_item.key_id,
        -v_user_charged, -v_user_released, v_user_charged, v_key_charged, -v_key_released);
      IF v_walk.account_changed THEN
        v_balance := v_walk.balance_micros; v_held := v_walk.held_micros; v_user_charged := 0; v_user_released := 0;
      END IF;
      v_key_spent := v_walk.key_spent_micros; v_key_held := v_walk.key_held_micros; v_key_charged := 0; v_key_released := 0;
      v_user := v_item.user_id; v_key := v_item.key_id;
    END IF;

    item_index := v_item.idx;
    settled := NULL; charged_micros := NULL; uncollected_micros := NULL; error_state := NULL; error_message := NULL;
    IF v_item.actual_cost IS NULL OR v_item.actual_cost < 0 THEN
      error_state := '22023'; error_message := 'a cost cannot be negative';
      RETURN NEXT;
      CONTINUE;
    END IF;

    SELECT * INTO v_hold FROM credit_holds h WHERE h.request_id = v_item.request_id FOR UPDATE;
    IF FOUND AND v_hold.status = 'open' AND v_hold.user_id = v_user AND v_hold.key_id = v_key THEN
      UPDATE credit_holds h SET status = v_item.outcome, resolved_at = now() WHERE h.id = v_hold.id;
    ELSE
      settled := false;
      SELECT COALESCE(u.cost_micros, 0::bigint), COALESCE(u.uncollected_micros, 0::bigint) INTO charged_micros, uncollected_micros
        FROM (SELECT 1) AS one LEFT JOIN usage_records u ON u.request_id = v_item.request_id AND u.status <> 'refused';
      RETURN NEXT;
      CONTINUE;
    END IF;

    v_charge := LEAST(v_item.actual_cost, v_hold.amount_micros + GREATEST(v_balance - v_held, 0));
    IF v_hold.spend_cap_micros IS NOT NULL THEN
      v_charge := LEAST(v_charge, v_hold.amount_micros + GREATEST(v_hold.spend_cap_micros - v_key_spent - v_key_held, 0));
    END IF;
    v_balance := v_balance - v_charge;
    v_held := v_held - v_hold.amount_micros;
    v_key_spent := v_key_spent + v_charge;
    v_key_held := v_key_held - v_hold.amount_micros;
    v_user_charged := v_user_charged + v_charge;
    v_user_released := v_user_released + v_hold.amount_micros;
    v_key_charged := v_key_charged + v_charge;
    v_key_released := v_key_released + v_hold.amount_micros;

    INSERT INTO credit_ledger_entries
      (user_id, kind, balance_delta_micros, held_delta_micros, balance_after_micros, held_after_micros, request_id)
    VALUES (
      v_user,
      CASE v_item.outcome WHEN 'captured' THEN 'capture' WHEN 'released' THEN 'release' ELSE 'expire' END,
      -v_charge, -v_hold.amount_micros, v_balance, v_held, v_item.request_id
    );
    INSERT INTO usage_records (
      request_id, user_id, key_id, model, provider, prompt_tokens, completion_tokens, cached_tokens, cost_micros,
      uncollected_micros, hold_micros, estimated, status, latency_ms, ttft_ms, attempts, created_at
    ) VALUES (
      v_item.request_id, v_user, v_key, v_hold.model, v_item.provider, v_item.prompt_tokens, v_item.completion_tokens,
      v_item.cached_tokens, v_charge, v_item.actual_cost - v_charge, v_hold.amount_micros, v_item.estimated, v_item.status,
      v_item.latency_ms, v_item.ttft_ms, v_item.attempts, v_hold.created_at
    );
    settled := true; charged_micros := v_charge; uncollected_micros := v_item.actual_cost - v_charge;
    RETURN NEXT;
  END LOOP;

  PERFORM billing_walk_to(v_user, v_key, NULL, NULL, -v_user_charged, -v_user_released, v_user_charged, v_key_charged, -v_key_released);
END $$`;

/** billing_settle_lease_batch walking with billing_walk_to (the lease locked between account and key). */
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
  v_walk record;
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
      IF v_user IS DISTINCT FROM v_item.user_id OR v_lease_id IS DISTINCT FROM v_item.lease_id THEN
        IF v_lease_used > 0 THEN
          UPDATE credit_leases c SET amount_micros = c.amount_micros - v_lease_used WHERE c.id = v_lease_id;
        END IF;
        v_lease_used := 0;
      END IF;
      -- The shared walk up to the account; the lease is locked between the account and the key.
      SELECT * INTO v_walk FROM billing_walk_to(v_user, v_key, v_item.user_id, NULL,
        -v_user_charged, -v_user_released, v_user_charged, v_key_charged, 0);
      v_key_charged := 0;
      IF v_walk.account_changed THEN
        v_balance := v_walk.balance_micros; v_held := v_walk.held_micros; v_user_charged := 0; v_user_released := 0;
      END IF;
      IF v_walk.account_changed OR v_lease_id IS DISTINCT FROM v_item.lease_id THEN
        v_lease_id := v_item.lease_id;
        SELECT * INTO v_lease FROM credit_leases c WHERE c.id = v_lease_id AND c.user_id = v_item.user_id FOR UPDATE;
        v_lease_left := CASE WHEN FOUND AND v_lease.status = 'open' THEN v_lease.amount_micros ELSE 0 END;
      END IF;
      v_user := v_item.user_id; v_key := v_item.key_id;
      PERFORM billing_lock_key(v_key, v_user);
    END IF;

    item_index := v_item.idx;
    settled := NULL; charged_micros := NULL; uncollected_micros := NULL; error_state := NULL; error_message := NULL;
    IF v_item.actual_cost IS NULL OR v_item.actual_cost < 0 OR v_item.slice IS NULL OR v_item.slice < 0 THEN
      error_state := '22023'; error_message := 'a cost or a slice cannot be negative';
      RETURN NEXT;
      CONTINUE;
    END IF;
    IF EXISTS (SELECT 1 FROM usage_records u WHERE u.request_id = v_item.request_id AND u.status <> 'refused')
       OR EXISTS (SELECT 1 FROM credit_holds h WHERE h.request_id = v_item.request_id) THEN
      settled := false;
      SELECT COALESCE(u.cost_micros, 0::bigint), COALESCE(u.uncollected_micros, 0::bigint) INTO charged_micros, uncollected_micros
        FROM (SELECT 1) AS one LEFT JOIN usage_records u ON u.request_id = v_item.request_id AND u.status <> 'refused';
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

  IF v_lease_used > 0 THEN
    UPDATE credit_leases c SET amount_micros = c.amount_micros - v_lease_used WHERE c.id = v_lease_id;
  END IF;
  PERFORM billing_walk_to(v_user, v_key, NULL, NULL, -v_user_charged, -v_user_released, v_user_charged, v_key_charged, 0);
END $$;`;

/** billing_reserve_batch as AddBillingBatchFunctions1764600000000 installed it. */
const PREVIOUS_RESERVE_BATCH_FUNCTION = `
CREATE OR REPLACE FUNCTION billing_reserve_batch(p_items jsonb, p_ttl_seconds integer)
RETURNS TABLE (
  item_index integer, hold_id uuid, created_at timestamptz, expires_at timestamptz, error_state text, error_message text
)
LANGUAGE plpgsql AS $$
DECLARE
  v_item record;
  v_user uuid;
  v_key uuid;
  v_balance bigint;
  v_held bigint;
  v_user_held_added bigint := 0;
  v_key_spent bigint;
  v_key_held bigint;
  v_key_held_added bigint := 0;
  v_hold credit_holds%ROWTYPE;
BEGIN
  FOR v_item IN
    SELECT (i.ordinality - 1)::integer AS idx, i.value->>'request_id' AS request_id, (i.value->>'user_id')::uuid AS user_id,
           (i.value->>'key_id')::uuid AS key_id, (i.value->>'spend_cap')::bigint AS spend_cap,
           (i.value->>'amount')::bigint AS amount, i.value->>'model' AS model
      FROM jsonb_array_elements(p_items) WITH ORDINALITY AS i(value, ordinality)
     ORDER BY 3, 4, 2, 1
  LOOP
    IF v_key IS DISTINCT FROM v_item.key_id OR v_user IS DISTINCT FROM v_item.user_id THEN
      PERFORM billing_add_key_totals(v_key, 0, v_key_held_added);
      v_key_held_added := 0;
      IF v_user IS DISTINCT FROM v_item.user_id THEN
        PERFORM billing_add_account_totals(v_user, 0, v_user_held_added, 0);
        v_user_held_added := 0;
        v_user := v_item.user_id;
        SELECT l.balance_micros, l.held_micros INTO v_balance, v_held FROM billing_lock_account(v_user) l;
      END IF;
      v_key := v_item.key_id;
      SELECT l.spent_micros, l.held_micros INTO v_key_spent, v_key_held FROM billing_lock_key(v_key, v_user) l;
    END IF;

    item_index := v_item.idx;
    hold_id := NULL; created_at := NULL; expires_at := NULL; error_state := NULL; error_message := NULL;
    IF v_item.amount IS NULL OR v_item.amount < 0 THEN
      error_state := '22023'; error_message := 'a hold cannot be negative';
    ELSIF v_balance - v_held < v_item.amount THEN
      error_state := 'AB402'; error_message := 'insufficient balance';
    ELSIF v_item.spend_cap IS NOT NULL AND v_key_spent + v_key_held + v_item.amount > v_item.spend_cap THEN
      error_state := 'AB403'; error_message := 'key spend cap reached';
    ELSE
      INSERT INTO credit_holds (request_id, user_id, key_id, model, amount_micros, spend_cap_micros, expires_at)
      VALUES (v_item.request_id, v_user, v_key, v_item.model, v_item.amount, v_item.spend_cap,
              now() + make_interval(secs => p_ttl_seconds))
      ON CONFLICT (request_id) DO NOTHING
      RETURNING * INTO v_hold;
      IF NOT FOUND THEN
        error_state := '23505'; error_message := 'this request id already holds funds';
      ELSE
        v_held := v_held + v_item.amount;
        v_key_held := v_key_held + v_item.amount;
        v_user_held_added := v_user_held_added + v_item.amount;
        v_key_held_added := v_key_held_added + v_item.amount;
        INSERT INTO credit_ledger_entries
          (user_id, kind, balance_delta_micros, held_delta_micros, balance_after_micros, held_after_micros, request_id)
        VALUES (v_user, 'hold', 0, v_item.amount, v_balance, v_held, v_item.request_id);
        hold_id := v_hold.id; created_at := v_hold.created_at; expires_at := v_hold.expires_at;
      END IF;
    END IF;
    RETURN NEXT;
  END LOOP;

  PERFORM billing_add_key_totals(v_key, 0, v_key_held_added);
  PERFORM billing_add_account_totals(v_user, 0, v_user_held_added, 0);
END $$`;

/** billing_settle_batch as RecordRefusedRequests1764820000000 installed it. */
const PREVIOUS_SETTLE_BATCH_FUNCTION = `
CREATE OR REPLACE FUNCTION billing_settle_batch(p_items jsonb)
RETURNS TABLE (
  item_index integer, settled boolean, charged_micros bigint, uncollected_micros bigint, error_state text, error_message text
)
LANGUAGE plpgsql AS $$
DECLARE
  v_item record;
  v_user uuid;
  v_key uuid;
  v_balance bigint;
  v_held bigint;
  v_user_charged bigint := 0;
  v_user_released bigint := 0;
  v_key_spent bigint;
  v_key_held bigint;
  v_key_charged bigint := 0;
  v_key_released bigint := 0;
  v_hold credit_holds%ROWTYPE;
  v_charge bigint;
BEGIN
  FOR v_item IN
    SELECT (i.ordinality - 1)::integer AS idx, i.value->>'request_id' AS request_id, (i.value->>'user_id')::uuid AS user_id,
           (i.value->>'key_id')::uuid AS key_id, i.value->>'outcome' AS outcome, (i.value->>'actual_cost')::bigint AS actual_cost,
           i.value->>'provider' AS provider, (i.value->>'prompt_tokens')::integer AS prompt_tokens,
           (i.value->>'completion_tokens')::integer AS completion_tokens, (i.value->>'cached_tokens')::integer AS cached_tokens,
           (i.value->>'estimated')::boolean AS estimated, i.value->>'status' AS status, (i.value->>'latency_ms')::integer AS latency_ms,
           (i.value->>'ttft_ms')::integer AS ttft_ms,
           CASE WHEN jsonb_typeof(i.value->'attempts') = 'array' THEN i.value->'attempts' END AS attempts
      FROM jsonb_array_elements(p_items) WITH ORDINALITY AS i(value, ordinality)
     ORDER BY 3, 4, 2, 1
  LOOP
    IF v_key IS DISTINCT FROM v_item.key_id OR v_user IS DISTINCT FROM v_item.user_id THEN
      PERFORM billing_add_key_totals(v_key, v_key_charged, -v_key_released);
      v_key_charged := 0; v_key_released := 0;
      IF v_user IS DISTINCT FROM v_item.user_id THEN
        PERFORM billing_add_account_totals(v_user, -v_user_charged, -v_user_released, v_user_charged);
        v_user_charged := 0; v_user_released := 0;
        v_user := v_item.user_id;
        SELECT l.balance_micros, l.held_micros INTO v_balance, v_held FROM billing_lock_account(v_user) l;
      END IF;
      v_key := v_item.key_id;
      SELECT l.spent_micros, l.held_micros INTO v_key_spent, v_key_held FROM billing_lock_key(v_key, v_user) l;
    END IF;

    item_index := v_item.idx;
    settled := NULL; charged_micros := NULL; uncollected_micros := NULL; error_state := NULL; error_message := NULL;
    IF v_item.actual_cost IS NULL OR v_item.actual_cost < 0 THEN
      error_state := '22023'; error_message := 'a cost cannot be negative';
      RETURN NEXT;
      CONTINUE;
    END IF;

    SELECT * INTO v_hold FROM credit_holds h WHERE h.request_id = v_item.request_id FOR UPDATE;
    IF FOUND AND v_hold.status = 'open' AND v_hold.user_id = v_user AND v_hold.key_id = v_key THEN
      UPDATE credit_holds h SET status = v_item.outcome, resolved_at = now() WHERE h.id = v_hold.id;
    ELSE
      settled := false;
      SELECT COALESCE(u.cost_micros, 0::bigint), COALESCE(u.uncollected_micros, 0::bigint) INTO charged_micros, uncollected_micros
        FROM (SELECT 1) AS one LEFT JOIN usage_records u ON u.request_id = v_item.request_id AND u.status <> 'refused';
      RETURN NEXT;
      CONTINUE;
    END IF;

    v_charge := LEAST(v_item.actual_cost, v_hold.amount_micros + GREATEST(v_balance - v_held, 0));
    IF v_hold.spend_cap_micros IS NOT NULL THEN
      v_charge := LEAST(v_charge, v_hold.amount_micros + GREATEST(v_hold.spend_cap_micros - v_key_spent - v_key_held, 0));
    END IF;
    v_balance := v_balance - v_charge;
    v_held := v_held - v_hold.amount_micros;
    v_key_spent := v_key_spent + v_charge;
    v_key_held := v_key_held - v_hold.amount_micros;
    v_user_charged := v_user_charged + v_charge;
    v_user_released := v_user_released + v_hold.amount_micros;
    v_key_charged := v_key_charged + v_charge;
    v_key_released := v_key_released + v_hold.amount_micros;

    INSERT INTO credit_ledger_entries
      (user_id, kind, balance_delta_micros, held_delta_micros, balance_after_micros, held_after_micros, request_id)
    VALUES (
      v_user,
      CASE v_item.outcome WHEN 'captured' THEN 'capture' WHEN 'released' THEN 'release' ELSE 'expire' END,
      -v_charge, -v_hold.amount_micros, v_balance, v_held, v_item.request_id
    );
    INSERT INTO usage_records (
      request_id, user_id, key_id, model, provider, prompt_tokens, completion_tokens, cached_tokens, cost_micros,
      uncollected_micros, hold_micros, estimated, status, latency_ms, ttft_ms, attempts, created_at
    ) VALUES (
      v_item.request_id, v_user, v_key, v_hold.model, v_item.provider, v_item.prompt_tokens, v_item.completion_tokens,
      v_item.cached_tokens, v_charge, v_item.actual_cost - v_charge, v_hold.amount_micros, v_item.estimated, v_item.status,
      v_item.latency_ms, v_item.ttft_ms, v_item.attempts, v_hold.created_at
    );
    settled := true; charged_micros := v_charge; uncollected_micros := v_item.actual_cost - v_charge;
    RETURN NEXT;
  END LOOP;

  PERFORM billing_add_key_totals(v_key, v_key_charged, -v_key_released);
  PERFORM billing_add_account_totals(v_user, -v_user_charged, -v_user_released, v_user_charged);
END $$`;

/** billing_settle_lease_batch as RecordRefusedRequests1764820000000 installed it. */
const PREVIOUS_SETTLE_LEASE_BATCH_FUNCTION = `
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
    IF EXISTS (SELECT 1 FROM usage_records u WHERE u.request_id = v_item.request_id AND u.status <> 'refused')
       OR EXISTS (SELECT 1 FROM credit_holds h WHERE h.request_id = v_item.request_id) THEN
      settled := false;
      SELECT COALESCE(u.cost_micros, 0::bigint), COALESCE(u.uncollected_micros, 0::bigint) INTO charged_micros, uncollected_micros
        FROM (SELECT 1) AS one LEFT JOIN usage_records u ON u.request_id = v_item.request_id AND u.status <> 'refused';
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
END $$;`;
